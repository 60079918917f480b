package io.arrears.reminder.negotiation;

import io.arrears.events.Money;
import io.arrears.events.PlanType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A plan as negotiated: what the cardholder pays and when, and what the bank forgives to settle the debt
 * the plan covers. The debt is the case's own figure ({@link CaseDebt}); whatever of it the payments and
 * the named waivers leave uncovered is written off, and counts against the waiver limit like any waiver.
 *
 * @param covered        what the plan settles once paid: the amount overdue, or for a settlement the whole balance
 * @param writtenOff     the part of {@code covered} neither paid nor waived as interest or fees
 */
public record PlanTerms(PlanType type, List<InstalmentSchedule.Instalment> instalments, Money covered, Money toPay,
                        Money waivedInterest, Money waivedFees, Money writtenOff, LocalDate agreedOn) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param amount what the cardholder will pay in all; without it, the amount overdue less the waivers
     */
    public static PlanTerms instalments(CaseDebt debt, Money amount, int count, LocalDate firstDueDate, Money waivedInterest,
                                        Money waivedFees, LocalDate today) {
        if (count < 2) {
            throw new PlanRefused("instalments", "must be at least 2; one payment later is a DEFERRAL");
        }
        requireAfter(firstDueDate, today, "firstDueDate");
        Money toPay = paying(debt, amount, waivedInterest, waivedFees);
        return of(PlanType.INSTALMENTS, InstalmentSchedule.monthly(toPay, count, firstDueDate), debt.overdue(), toPay,
                waivedInterest, waivedFees, today);
    }

    public static PlanTerms deferral(CaseDebt debt, Money amount, LocalDate payBy, Money waivedInterest, Money waivedFees,
                                     LocalDate today) {
        requireAfter(payBy, today, "payBy");
        Money toPay = paying(debt, amount, waivedInterest, waivedFees);
        return of(PlanType.DEFERRAL, InstalmentSchedule.monthly(toPay, 1, payBy), debt.overdue(), toPay,
                waivedInterest, waivedFees, today);
    }

    /** A settlement closes the whole balance for less: {@code settlementAmount} is what is paid. */
    public static PlanTerms settlement(CaseDebt debt, Money settlementAmount, LocalDate payBy, Money waivedInterest,
                                       Money waivedFees, LocalDate today) {
        requireAfter(payBy, today, "payBy");
        if (settlementAmount.compareTo(debt.balance()) >= 0) {
            throw new PlanRefused("settlementAmount", "must be less than the " + debt.balance()
                    + " balance; paying all of it is a DEFERRAL");
        }
        requireWaiversWithin(debt.balance(), waivedInterest, waivedFees);
        return of(PlanType.SETTLEMENT, InstalmentSchedule.monthly(settlementAmount, 1, payBy), debt.balance(), settlementAmount,
                waivedInterest, waivedFees, today);
    }

    private static PlanTerms of(PlanType type, List<InstalmentSchedule.Instalment> instalments, Money covered, Money toPay,
                                Money waivedInterest, Money waivedFees, LocalDate today) {
        Money uncovered = covered.minus(toPay).minus(waivedInterest).minus(waivedFees);
        Money writtenOff = uncovered.isPositive() ? uncovered : Money.zero(covered.currency());
        return new PlanTerms(type, instalments, covered, toPay, waivedInterest, waivedFees, writtenOff, today);
    }

    private static Money paying(CaseDebt debt, Money amount, Money waivedInterest, Money waivedFees) {
        if (!debt.overdue().isPositive()) {
            throw new PlanRefused("type", "nothing is overdue on this case; a plan needs arrears to cover");
        }
        requireWaiversWithin(debt.overdue(), waivedInterest, waivedFees);
        Money toPay = amount != null ? amount : debt.overdue().minus(waivedInterest).minus(waivedFees);
        if (!toPay.isPositive()) {
            throw new PlanRefused(amount != null ? "amount" : "waivedInterest",
                    "leaves nothing to pay; forgiving all of the " + debt.overdue() + " overdue is not a plan");
        }
        if (toPay.compareTo(debt.balance()) > 0) {
            throw new PlanRefused("amount", "must not exceed the " + debt.balance() + " balance");
        }
        return toPay;
    }

    private static void requireWaiversWithin(Money debt, Money waivedInterest, Money waivedFees) {
        if (waivedInterest.plus(waivedFees).compareTo(debt) > 0) {
            throw new PlanRefused("waivedInterest", "with waivedFees must not exceed the " + debt + " the plan covers");
        }
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

    /** Days from agreement to the first payment: a first instalment far away defers the debt as a deferral does. */
    public long daysToFirstPayment() {
        return ChronoUnit.DAYS.between(agreedOn, instalments.get(0).dueDate());
    }

    /** Everything the bank gives up of the debt the plan covers: named waivers and what is written off. */
    public Money forgiven() {
        return waivedInterest.plus(waivedFees).plus(writtenOff);
    }

    /** Share of the covered debt forgiven, in percent, rounded up so that a limit is never passed by rounding. */
    public BigDecimal waiverPercent() {
        return forgiven().amount().multiply(HUNDRED).divide(covered.amount(), 2, RoundingMode.UP);
    }

    /** Share of the covered debt the cardholder pays, in percent, rounded down for the same reason. */
    public BigDecimal paidPercent() {
        return toPay.amount().multiply(HUNDRED).divide(covered.amount(), 2, RoundingMode.DOWN);
    }
}
