package io.arrears.account.domain;

import io.arrears.events.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Replays an account's month the way the service does: statements and payments as they come, and
 * an end-of-day review only on the days its next-review date says the account can change.
 * What happened is written as short lines, e.g. {@code 2026-11-04 MISSED 1-29 dpd=1 overdue=100.00}.
 */
final class Scenario {

    static final Currency CNY = Currency.getInstance("CNY");

    private final Ageing ageing;
    private AccountState state = new AccountState(CNY, List.of(), Buckets.CURRENT, Optional.empty());
    private Optional<LocalDate> nextReview = Optional.empty();
    private LocalDate today;
    final List<String> log = new ArrayList<>();

    Scenario(int graceDays) {
        this.ageing = new Ageing(new AgeingPolicy(graceDays, 3, Buckets.standard()));
    }

    Scenario statement(String id, String statementDate, String dueDate, String minimum) {
        List<AccountState.StatementMinimum> statements = new ArrayList<>(state.statements());
        statements.add(new AccountState.StatementMinimum(new Obligation(id, LocalDate.parse(dueDate), money(minimum), money("0")),
                LocalDate.parse(statementDate), false));
        state = state.withStatements(statements);
        nextReview = ageing.nextReview(state, asOf(LocalDate.parse(statementDate)));
        return this;
    }

    Scenario plan(String id, String agreedOn, String... dueDateAndAmount) {
        List<Obligation> instalments = new ArrayList<>();
        for (int i = 0; i < dueDateAndAmount.length; i += 2) {
            instalments.add(new Obligation(id + "#" + (i / 2 + 1), LocalDate.parse(dueDateAndAmount[i]), money(dueDateAndAmount[i + 1]), money("0")));
        }
        state = new AccountState(CNY, state.statements(), state.reportedBucket(),
                Optional.of(new AccountState.ActivePlan(id, LocalDate.parse(agreedOn), instalments)));
        nextReview = ageing.nextReview(state, asOf(LocalDate.parse(agreedOn)));
        return this;
    }

    Scenario pay(String postedOn, String amount) {
        LocalDate date = LocalDate.parse(postedOn);
        PaymentEffect effect = ageing.pay(state, money(amount), date, asOf(date));
        Optional<AccountState.ActivePlan> plan = state.plan()
                .filter(p -> !effect.planCompleted())
                .map(p -> new AccountState.ActivePlan(p.planId(), p.agreedOn(), effect.instalments()));
        boolean inArrears = state.plan().isPresent() || !Buckets.CURRENT.equals(state.reportedBucket());
        if (effect.planCompleted()) {
            log.add(postedOn + " PLAN_COMPLETED");
        }
        if (inArrears || effect.before().isPastDue()) {
            log.add(postedOn + " RECEIVED " + amount + " remaining=" + effect.after().overdue().amount()
                    + (effect.after().isPastDue() ? "" : " cured"));
        }
        state = new AccountState(CNY, effect.statements(), effect.reportedBucket(), plan);
        nextReview = effect.nextReview();
        return this;
    }

    /** Closes every calendar day from {@code from} to {@code to}, inclusive. */
    Scenario closeDays(String from, String to) {
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            closeDay(day);
        }
        return this;
    }

    Scenario closeDay(LocalDate day) {
        today = day;
        if (nextReview.isEmpty() || nextReview.get().isAfter(day)) {
            return this;
        }
        Review review = ageing.review(state, day);
        review.dueSoon().forEach(id -> log.add(day + " DUE_SOON " + id));
        review.brokenInstalment().ifPresent(i -> log.add(day + " PLAN_BROKEN " + i.id() + " missed=" + i.outstanding().amount()));
        review.missed().ifPresent(m -> log.add(day + " MISSED " + m.delinquency().bucket() + " dpd=" + m.delinquency().daysPastDue()
                + " overdue=" + m.delinquency().overdue().amount() + " " + m.reason()));
        Optional<AccountState.ActivePlan> plan = review.brokenInstalment().isPresent() ? Optional.empty() : state.plan();
        state = new AccountState(CNY, review.statements(), review.reportedBucket(), plan);
        Optional<LocalDate> next = review.nextReview();
        nextReview = next.map(d -> d.isAfter(day) ? d : day.plusDays(1));
        return this;
    }

    Delinquency delinquencyOn(String date) {
        return Delinquency.assess(state.minimums(), LocalDate.parse(date), ageing.policy(), CNY);
    }

    private LocalDate asOf(LocalDate fallback) {
        return today != null ? today : fallback;
    }

    private static Money money(String amount) {
        return Money.of(amount, "CNY");
    }
}
