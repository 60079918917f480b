package io.arrears.account.domain;

import io.arrears.events.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * How a plan covers the arrears it settles. Once paid in full, a plan settles every minimum that fell due
 * by the day it was agreed ({@link Ageing#pay}); so the instalments plus what the plan forgives (waived
 * interest and fees, what is written off) must add up to at least what those minimums still owe, or
 * completing the plan would mark as paid arrears nobody paid or forgave.
 */
public record PlanCover(Money instalments, Money waivedInterest, Money waivedFees, Money writtenOff) {

    public Money total() {
        return instalments.plus(waivedInterest).plus(waivedFees).plus(writtenOff);
    }

    /** What a plan agreed on {@code agreedOn} settles on completion: minimums due by then, as yet unpaid. */
    public static Money arrearsSettled(AccountState state, LocalDate agreedOn) {
        return state.statements().stream()
                .map(AccountState.StatementMinimum::minimum)
                .filter(m -> !m.dueDate().isAfter(agreedOn))
                .map(Obligation::outstanding)
                .reduce(Money.zero(state.currency()), Money::plus);
    }

    /** Why the plan does not cover {@code arrears}, or empty when it does. */
    public Optional<String> shortfall(Money arrears) {
        if (total().compareTo(arrears) >= 0) {
            return Optional.empty();
        }
        return Optional.of("covers " + total() + " (instalments " + instalments + ", waived interest " + waivedInterest
                + ", waived fees " + waivedFees + ", written off " + writtenOff + ") of the " + arrears
                + " arrears it would settle; " + arrears.minus(total()) + " would be neither paid nor forgiven");
    }

    public static PlanCover of(List<Money> instalments, Money waivedInterest, Money waivedFees, Money writtenOff,
                               Currency currency) {
        return new PlanCover(instalments.stream().reduce(Money.zero(currency), Money::plus), waivedInterest, waivedFees, writtenOff);
    }
}
