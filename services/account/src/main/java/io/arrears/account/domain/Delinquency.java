package io.arrears.account.domain;

import io.arrears.events.Money;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * How late an account is on a date: days past due run from the oldest unpaid obligation that is
 * past due; the amount overdue is what is left of every past-due obligation.
 */
public record Delinquency(int daysPastDue, String bucket, Money overdue, Optional<Obligation> oldest) {

    public static Delinquency current(Currency currency) {
        return new Delinquency(0, Buckets.CURRENT, Money.zero(currency), Optional.empty());
    }

    public static Delinquency assess(List<Obligation> obligations, LocalDate asOf, AgeingPolicy policy, Currency currency) {
        List<Obligation> pastDue = obligations.stream()
                .filter(o -> o.isPastDue(asOf, policy))
                .sorted(Comparator.comparing(Obligation::dueDate))
                .toList();
        if (pastDue.isEmpty()) {
            return current(currency);
        }
        Money overdue = pastDue.stream().map(Obligation::outstanding).reduce(Money.zero(currency), Money::plus);
        Obligation oldest = pastDue.get(0);
        int days = policy.daysPastDue(oldest.dueDate(), asOf);
        return new Delinquency(days, policy.buckets().labelFor(days), overdue, Optional.of(oldest));
    }

    public boolean isPastDue() {
        return daysPastDue > 0;
    }

    /** The first day this delinquency counted as day 1. */
    public Optional<LocalDate> pastDueSince(AgeingPolicy policy) {
        return oldest.map(o -> policy.firstDayPastDue(o.dueDate()));
    }
}
