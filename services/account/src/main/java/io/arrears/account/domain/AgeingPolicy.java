package io.arrears.account.domain;

import java.time.LocalDate;

/**
 * How lateness is measured: an obligation due on D is past due from D + grace + 1, when it counts
 * as day 1; a reminder that it falls due is wanted {@code dueSoonDays} before D.
 */
public record AgeingPolicy(int graceDays, int dueSoonDays, Buckets buckets) {

    public AgeingPolicy {
        if (graceDays < 0 || dueSoonDays < 0) {
            throw new IllegalArgumentException("grace and due-soon days cannot be negative");
        }
    }

    public LocalDate firstDayPastDue(LocalDate dueDate) {
        return dueDate.plusDays(graceDays + 1L);
    }

    public int daysPastDue(LocalDate dueDate, LocalDate asOf) {
        long days = asOf.toEpochDay() - dueDate.plusDays(graceDays).toEpochDay();
        return (int) Math.max(0, days);
    }

    public LocalDate dueSoonDate(LocalDate dueDate) {
        return dueDate.minusDays(dueSoonDays);
    }
}
