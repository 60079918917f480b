package io.arrears.reminder.negotiation;

import io.arrears.events.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an agreed total into monthly instalments in the currency's minor unit. Every instalment but the
 * last is the total divided by the count, rounded down; the last takes the remainder, so the sum is
 * exactly the total and no instalment is less than the others.
 */
public final class InstalmentSchedule {

    private InstalmentSchedule() {
    }

    public record Instalment(LocalDate dueDate, Money amount) {
    }

    public static List<Instalment> monthly(Money total, int count, LocalDate firstDueDate) {
        if (count < 1) {
            throw new PlanRefused("instalments", "must be at least 1");
        }
        if (!total.isPositive()) {
            throw new PlanRefused("amount", "must be more than zero");
        }
        int scale = total.amount().scale();
        BigDecimal each = total.amount().divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
        if (each.signum() == 0) {
            throw new PlanRefused("instalments", total + " cannot be split into " + count + " instalments of at least one minor unit");
        }
        List<Instalment> instalments = new ArrayList<>(count);
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < count - 1; i++) {
            instalments.add(new Instalment(firstDueDate.plusMonths(i), new Money(each, total.currency())));
            allocated = allocated.add(each);
        }
        instalments.add(new Instalment(firstDueDate.plusMonths(count - 1L), new Money(total.amount().subtract(allocated), total.currency())));
        return List.copyOf(instalments);
    }
}
