package io.arrears.account.domain;

import io.arrears.events.MissedReason;
import io.arrears.events.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The account service's rules for lateness. A PaymentMissed is announced when an account first goes
 * past due and each time it moves to a worse bucket; while a plan is in force only a missed
 * instalment counts, and it breaks the plan. Every function returns the date on which the account
 * can next change without new input, so the end-of-day run visits only those accounts.
 */
public final class Ageing {

    private final AgeingPolicy policy;

    public Ageing(AgeingPolicy policy) {
        this.policy = policy;
    }

    public AgeingPolicy policy() {
        return policy;
    }

    /** The end-of-day review of one account as of {@code businessDate}. */
    public Review review(AccountState state, LocalDate businessDate) {
        List<String> dueSoon = new ArrayList<>();
        List<AccountState.StatementMinimum> statements = new ArrayList<>();
        for (AccountState.StatementMinimum statement : state.statements()) {
            Obligation minimum = statement.minimum();
            boolean announce = !statement.dueSoonAnnounced() && !minimum.isSettled()
                    && !businessDate.isBefore(policy.dueSoonDate(minimum.dueDate()))
                    && !businessDate.isAfter(minimum.dueDate());
            if (announce) {
                dueSoon.add(minimum.id());
            }
            boolean tooLateToAnnounce = businessDate.isAfter(minimum.dueDate());
            statements.add(announce || tooLateToAnnounce ? statement.announced() : statement);
        }
        AccountState reviewed = state.withStatements(statements);
        Delinquency delinquency = Delinquency.assess(reviewed.minimums(), businessDate, policy, state.currency());

        if (state.plan().isPresent()) {
            AccountState.ActivePlan plan = state.plan().get();
            Optional<Obligation> missedInstalment = plan.instalments().stream()
                    .filter(i -> i.isPastDue(businessDate, policy))
                    .min(Comparator.comparing(Obligation::dueDate));
            if (missedInstalment.isEmpty()) {
                return new Review(statements, dueSoon, Optional.empty(), Optional.empty(), delinquency,
                        state.reportedBucket(), nextReview(reviewed, businessDate));
            }
            Delinquency onPlan = delinquency.isPastDue() ? delinquency
                    : Delinquency.assess(plan.instalments(), businessDate, policy, state.currency());
            AccountState withoutPlan = new AccountState(state.currency(), statements, onPlan.bucket(), Optional.empty());
            return new Review(statements, dueSoon, Optional.of(new Review.Missed(onPlan, MissedReason.PLAN_INSTALMENT_MISSED)),
                    missedInstalment, onPlan, onPlan.bucket(), nextReview(withoutPlan, businessDate));
        }

        Optional<Review.Missed> missed = Optional.empty();
        String reported = state.reportedBucket();
        if (!delinquency.isPastDue()) {
            reported = Buckets.CURRENT;
        } else if (policy.buckets().rank(delinquency.bucket()) > policy.buckets().rank(reported)) {
            missed = Optional.of(new Review.Missed(delinquency, MissedReason.MINIMUM_NOT_PAID));
            reported = delinquency.bucket();
        }
        AccountState after = new AccountState(state.currency(), statements, reported, Optional.empty());
        return new Review(statements, dueSoon, missed, Optional.empty(), delinquency, reported, nextReview(after, businessDate));
    }

    /**
     * A payment posted on {@code postedOn}, judged as of {@code asOf} (the last closed business day).
     * It pays the minimums of statements issued by then, oldest first, and the instalments of the
     * plan in force. A plan paid in full settles the minimums it replaced.
     */
    public PaymentEffect pay(AccountState state, Money amount, LocalDate postedOn, LocalDate asOf) {
        Delinquency before = Delinquency.assess(state.minimums(), asOf, policy, state.currency());
        Map<String, AccountState.StatementMinimum> byId = state.statements().stream()
                .collect(Collectors.toMap(s -> s.minimum().id(), Function.identity()));
        List<Obligation> payable = state.statements().stream()
                .filter(s -> !s.statementDate().isAfter(postedOn))
                .map(AccountState.StatementMinimum::minimum)
                .toList();
        List<AccountState.StatementMinimum> statements = new ArrayList<>(state.statements());
        for (Obligation paid : Allocation.oldestFirst(payable, amount)) {
            AccountState.StatementMinimum statement = byId.get(paid.id());
            statements.set(state.statements().indexOf(statement), statement.with(paid));
        }

        List<Obligation> instalments = List.of();
        boolean completed = false;
        Optional<AccountState.ActivePlan> plan = state.plan();
        if (plan.isPresent()) {
            instalments = Allocation.oldestFirst(plan.get().instalments(), amount);
            AccountState.ActivePlan paidPlan = new AccountState.ActivePlan(plan.get().planId(), plan.get().agreedOn(), instalments);
            completed = paidPlan.isPaidInFull();
            if (completed) {
                LocalDate agreedOn = plan.get().agreedOn();
                statements = statements.stream()
                        .map(s -> s.minimum().dueDate().isAfter(agreedOn) ? s : s.with(s.minimum().settle()))
                        .toList();
                plan = Optional.empty();
            } else {
                plan = Optional.of(paidPlan);
            }
        }
        AccountState after = new AccountState(state.currency(), statements, state.reportedBucket(), plan);
        Delinquency afterDelinquency = Delinquency.assess(after.minimums(), asOf, policy, state.currency());
        String reported = improved(state.reportedBucket(), afterDelinquency);
        AccountState settled = new AccountState(state.currency(), statements, reported, plan);
        return new PaymentEffect(statements, instalments, before, afterDelinquency, completed, reported,
                nextReview(settled, asOf));
    }

    /**
     * The first date after {@code asOf} on which the account can change by itself: a due-soon
     * reminder, a minimum or instalment going past due, or the next bucket starting.
     */
    public Optional<LocalDate> nextReview(AccountState state, LocalDate asOf) {
        // Reminders not yet sent and instalments not yet paid stay due even when their date has
        // passed; past-due dates and bucket starts only matter ahead of asOf.
        Stream<LocalDate> pendingDates = Stream.concat(
                state.statements().stream()
                        .filter(s -> !s.minimum().isSettled() && !s.dueSoonAnnounced())
                        .map(s -> policy.dueSoonDate(s.minimum().dueDate())),
                state.plan().stream()
                        .flatMap(p -> p.instalments().stream())
                        .filter(i -> !i.isSettled())
                        .map(i -> policy.firstDayPastDue(i.dueDate())));
        Stream<LocalDate> pastDueDates = state.statements().stream()
                .filter(s -> !s.minimum().isSettled())
                .map(s -> policy.firstDayPastDue(s.minimum().dueDate()))
                .filter(d -> d.isAfter(asOf));
        Stream<LocalDate> bucketDate = Stream.empty();
        if (state.plan().isEmpty()) {
            Delinquency now = Delinquency.assess(state.minimums(), asOf, policy, state.currency());
            if (now.isPastDue()) {
                LocalDate since = now.pastDueSince(policy).orElseThrow();
                bucketDate = policy.buckets().nextStartAfter(now.daysPastDue()).stream()
                        .mapToObj(start -> since.plusDays(start - 1L));
            }
        }
        return Stream.of(pendingDates, pastDueDates, bucketDate).flatMap(Function.identity())
                .min(Comparator.naturalOrder());
    }

    /** A payment can only lower the announced bucket, so that a later slip is announced again. */
    private String improved(String reported, Delinquency after) {
        if (!after.isPastDue()) {
            return Buckets.CURRENT;
        }
        return policy.buckets().rank(after.bucket()) < policy.buckets().rank(reported) ? after.bucket() : reported;
    }
}
