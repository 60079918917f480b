package io.arrears.reminder.negotiation;

import io.arrears.events.Money;

/**
 * What the cardholder owes by the bank's own record of the case: the amount overdue and the whole
 * balance. Every plan is judged against these, never against figures typed into the request.
 */
public record CaseDebt(Money overdue, Money balance) {

    public CaseDebt {
        if (!overdue.currency().equals(balance.currency())) {
            throw new Money.CurrencyMismatchException(overdue.currencyCode(), balance.currencyCode());
        }
    }
}
