package io.arrears.account.domain;

import io.arrears.events.Money;

import java.time.LocalDate;

/** Something the cardholder must pay by a date: a statement's minimum or a plan instalment. */
public record Obligation(String id, LocalDate dueDate, Money amount, Money paid) {

    public Money outstanding() {
        Money rest = amount.minus(paid);
        return rest.isPositive() ? rest : Money.zero(amount.currency());
    }

    public boolean isSettled() {
        return !outstanding().isPositive();
    }

    public boolean isPastDue(LocalDate asOf, AgeingPolicy policy) {
        return !isSettled() && !asOf.isBefore(policy.firstDayPastDue(dueDate));
    }

    public Obligation pay(Money amount) {
        return new Obligation(id, dueDate, this.amount, paid.plus(amount));
    }

    public Obligation settle() {
        return new Obligation(id, dueDate, amount, paid.max(amount));
    }
}
