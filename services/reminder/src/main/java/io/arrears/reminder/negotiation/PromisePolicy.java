package io.arrears.reminder.negotiation;

import io.arrears.events.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a promise to pay must be, beside {@link PlanPolicy}'s rules for plans: an amount more than zero
 * that the case's currency can hold, and a date from today up to {@code maxDays} ahead. A refusal is a
 * {@link PlanRefused} naming the request field at fault.
 */
public final class PromisePolicy {

    private final int maxDays;

    public PromisePolicy(int maxDays) {
        this.maxDays = maxDays;
    }

    /** The promised amount in the case's currency, once the promise meets every rule. */
    public Money check(BigDecimal amount, LocalDate date, String currency, LocalDate today) {
        if (amount == null) {
            throw new PlanRefused("promisedAmount", "is required for PROMISE_TO_PAY");
        }
        if (date == null) {
            throw new PlanRefused("promisedDate", "is required for PROMISE_TO_PAY");
        }
        Money money;
        try {
            money = Money.of(amount, currency);
        } catch (ArithmeticException e) {
            throw new PlanRefused("promisedAmount", "has more decimals than " + currency + " allows");
        }
        if (!money.isPositive()) {
            throw new PlanRefused("promisedAmount", "must be more than zero");
        }
        if (date.isBefore(today) || date.isAfter(today.plusDays(maxDays))) {
            throw new PlanRefused("promisedDate", "must be between today, " + today + ", and " + today.plusDays(maxDays));
        }
        return money;
    }
}
