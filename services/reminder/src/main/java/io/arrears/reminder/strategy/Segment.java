package io.arrears.reminder.strategy;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A named group of cases treated alike. Every condition that is set must hold; a segment with no
 * condition takes every case, so it must come last.
 */
public record Segment(String name, BigDecimal minAmountOverdue, BigDecimal maxAmountOverdue, Integer minDaysPastDue,
                      Integer maxDaysPastDue, Set<String> products, Integer minBrokenPromises) {

    public Segment {
        products = products == null ? Set.of() : Set.copyOf(products);
    }

    public static Segment catchAll(String name) {
        return new Segment(name, null, null, null, null, Set.of(), null);
    }

    public boolean matches(CaseFacts facts) {
        return (minAmountOverdue == null || facts.amountOverdue().compareTo(minAmountOverdue) >= 0)
                && (maxAmountOverdue == null || facts.amountOverdue().compareTo(maxAmountOverdue) <= 0)
                && (minDaysPastDue == null || facts.daysPastDue() >= minDaysPastDue)
                && (maxDaysPastDue == null || facts.daysPastDue() <= maxDaysPastDue)
                && (products.isEmpty() || (facts.product() != null && products.contains(facts.product())))
                && (minBrokenPromises == null || facts.brokenPromises() >= minBrokenPromises);
    }

    public boolean hasConditions() {
        return minAmountOverdue != null || maxAmountOverdue != null || minDaysPastDue != null || maxDaysPastDue != null
                || !products.isEmpty() || minBrokenPromises != null;
    }
}
