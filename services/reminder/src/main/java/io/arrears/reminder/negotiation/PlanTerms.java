package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import io.arrears.events.PlanType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A plan as negotiated: what the cardholder pays and when, and what the bank forgives.
 *
 * @param forgiven what the bank writes off: waived interest and fees, and for a settlement the part of the debt not paid
 */
public record PlanTerms(PlanType type, List<InstalmentSchedule.Instalment> instalments, Money toPay, Money waivedInterest,
                        Money waivedFees, Money forgiven, LocalDate agreedOn) {

    public static PlanTerms instalments(Money amount, int count, LocalDate firstDueDate, Money waivedInterest, Money waivedFees,
                                        LocalDate today) {
        if (count < 2) {
            throw new PlanRefused("instalments", "must be at least 2; one payment later is a DEFERRAL");
        }
        requireAfter(firstDueDate, today, "firstDueDate");
        return new PlanTerms(PlanType.INSTALMENTS, InstalmentSchedule.monthly(amount, count, firstDueDate), amount,
                waivedInterest, waivedFees, waivedInterest.plus(waivedFees), today);
    }

    public static PlanTerms deferral(Money amount, LocalDate payBy, Money waivedInterest, Money waivedFees, LocalDate today) {
        requireAfter(payBy, today, "payBy");
        return new PlanTerms(PlanType.DEFERRAL, InstalmentSchedule.monthly(amount, 1, payBy), amount,
                waivedInterest, waivedFees, waivedInterest.plus(waivedFees), today);
    }

    public static PlanTerms settlement(Money owed, Money settlementAmount, LocalDate payBy, Money waivedInterest, Money waivedFees,
                                       LocalDate today) {
        requireAfter(payBy, today, "payBy");
        if (settlementAmount.compareTo(owed) >= 0) {
            throw new PlanRefused("settlementAmount", "must be less than the " + owed + " owed; paying all of it is a DEFERRAL");
        }
        return new PlanTerms(PlanType.SETTLEMENT, InstalmentSchedule.monthly(settlementAmount, 1, payBy), settlementAmount,
                waivedInterest, waivedFees, owed.minus(settlementAmount).plus(waivedInterest).plus(waivedFees), today);
    }

    private static void requireAfter(LocalDate date, LocalDate today, String field) {
        if (date == null) {
            throw new PlanRefused(field, "is required");
        }
        if (!date.isAfter(today)) {
            throw new PlanRefused(field, "must be after today, " + today);
        }
    }

    public LocalDate lastDueDate() {
        return instalments.get(instalments.size() - 1).dueDate();
    }

    /** Days from agreement to the last payment of a single-payment plan; instalment plans are limited by their count. */
    public long deferralDays() {
        return type == PlanType.INSTALMENTS ? 0 : ChronoUnit.DAYS.between(agreedOn, lastDueDate());
    }

    /** Share of the debt written off, in percent: forgiven / (paid + forgiven). */
    public BigDecimal waiverPercent() {
        BigDecimal whole = toPay.amount().add(forgiven.amount());
        return forgiven.amount().multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
