package io.arrears.reminder.lifecycle;

import io.arrears.events.CaseEscalated;
import io.arrears.events.EscalationTarget;
import io.arrears.events.TemplateFacts;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outbox;
import io.arrears.messaging.Redact;
import io.arrears.messaging.TransientFailures;
import io.arrears.messaging.WorkInFlight;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseState;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PlanInstalment;
import io.arrears.reminder.cases.PlanRepository;
import io.arrears.reminder.cases.PromiseRepository;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.ReminderMetrics;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.config.ReminderConfig;
import io.arrears.reminder.schedule.DueStep;
import io.arrears.reminder.schedule.PreDueReminders;
import io.arrears.reminder.schedule.ReminderFacts;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepKind;
import io.arrears.reminder.schedule.StepRepository;
import io.arrears.reminder.schedule.StepRequests;
import io.arrears.reminder.schedule.StepStatus;
import io.arrears.reminder.schedule.Treatment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fires the steps that have fallen due. Any number of replicas may run it: each step is re-read under
 * its account's lock and fired only if it is still pending, so a step fires once. A step's state change
 * and its outgoing event commit together or not at all.
 *
 * <p>Steps fire in groups, one transaction each, their accounts locked in key order: the order every
 * consumer of the service locks them in, so a group and a consumed batch cannot deadlock. If a group
 * fails for a reason that is not the infrastructure's, its steps fire again one per transaction, and
 * a step that still cannot fire is parked instead of holding up the steps behind it.
 */
@ApplicationScoped
public class StepFiring {

    private static final Logger LOG = Logger.getLogger(StepFiring.class);

    private final StepRepository steps;
    private final CaseRepository cases;
    private final PromiseRepository promises;
    private final PlanRepository plans;
    private final AccountLock lock;
    private final CaseLifecycle lifecycle;
    private final CaseTimeline timeline;
    private final Treatment treatment;
    private final Outbox outbox;
    private final ReminderMetrics metrics;
    private final ReminderConfig config;
    private final Clock clock;
    private final WorkInFlight work;
    private final StepRequests requests;

    StepFiring(StepRepository steps, CaseRepository cases, PromiseRepository promises, PlanRepository plans, AccountLock lock,
               CaseLifecycle lifecycle, CaseTimeline timeline, Treatment treatment, Outbox outbox, ReminderMetrics metrics,
               ReminderConfig config, Clock clock, WorkInFlight work, StepRequests requests) {
        this.steps = steps;
        this.requests = requests;
        this.work = work;
        this.cases = cases;
        this.promises = promises;
        this.plans = plans;
        this.lock = lock;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.treatment = treatment;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${reminder.schedule.poll-every:1s}", delayed = "${reminder.schedule.first-poll-after:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warn("firing due steps stopped; the next poll resumes", e);
        }
    }

    /**
     * Fires every step due by now, a batch at a time; returns how many fired. A stop lets the batch under way
     * finish and starts no other: the restarted service fires the rest.
     */
    public int fireDue() {
        int fired = 0;
        List<DueStep> due;
        do {
            if (!work.enter()) {
                return fired;
            }
            try {
                OffsetDateTime now = OffsetDateTime.now(clock);
                due = QuarkusTransaction.requiringNew().call(() -> steps.due(now, config.schedule().batchSize()));
                List<DueStep> inKeyOrder = due.stream().sorted(Comparator.comparing(DueStep::accountId)).toList();
                int size = config.schedule().stepsPerTransaction();
                for (int from = 0; from < inKeyOrder.size(); from += size) {
                    fired += fireGroup(inKeyOrder.subList(from, Math.min(from + size, inKeyOrder.size())));
                }
            } finally {
                work.leave();
            }
        } while (due.size() == config.schedule().batchSize());
        return fired;
    }

    private int fireGroup(List<DueStep> group) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                lock.acquireAll(group.stream().map(DueStep::accountId).toList());
                // Two queries bring the whole group into the session (steps locked, then their cases), so
                // firing a step reads nothing more; its update and its rows go out with the group's at commit.
                List<ScheduledStep> loaded = steps.lockAll(group.stream().map(DueStep::id).toList());
                cases.loadAll(loaded.stream().map(s -> s.caseId).filter(Objects::nonNull).distinct().toList());
                Set<String> mayBeOvertaken = mayBeOvertaken(loaded);
                int fired = 0;
                for (DueStep step : group) {
                    fired += fire(step, mayBeOvertaken::contains) ? 1 : 0;
                }
                return fired;
            });
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.warnf("a group of %d steps failed (%s); firing them one by one", group.size(), Redact.text(e.toString()));
            return fireEach(group);
        }
    }

    private int fireEach(List<DueStep> group) {
        int fired = 0;
        for (DueStep step : group) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> fire(step, account -> true))) {
                    fired++;
                }
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                // One step that cannot fire must not hold up every step behind it, poll after poll.
                LOG.errorf(e, "step %s of account %s cannot fire; parked", step.id(), step.accountId());
                QuarkusTransaction.requiringNew().run(() -> park(step, e));
            }
        }
        return fired;
    }

    /**
     * The accounts whose pre-due steps in the group may have been overtaken by arrears, found in one
     * query; the others' steps need not ask one by one. Firing a step opens no case and the accounts are
     * locked, so an account found clear stays clear for the group's transaction.
     */
    private Set<String> mayBeOvertaken(List<ScheduledStep> loaded) {
        List<ScheduledStep> preDue = loaded.stream().filter(s -> s.kind == StepKind.PRE_DUE).toList();
        if (preDue.isEmpty()) {
            return Set.of();
        }
        return cases.openOrForStatements(preDue.stream().map(s -> s.accountId).collect(Collectors.toSet()),
                preDue.stream().map(s -> ReminderFacts.read(s.facts).statementId()).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    private boolean overtakenByArrears(ScheduledStep step) {
        String statementId = ReminderFacts.read(step.facts).statementId();
        return statementId == null ? cases.openFor(step.accountId).isPresent() : cases.openOrForStatement(step.accountId, statementId);
    }

    private void park(DueStep due, RuntimeException failure) {
        if (steps.parkPending(due.id(), "could not fire: " + failure.getClass().getSimpleName() + ": " + failure.getMessage())) {
            metrics.stepParked();
        }
    }

    /** {@code mayBeOvertaken} says for which accounts a pre-due step must check whether arrears overtook it. */
    private boolean fire(DueStep due, Predicate<String> mayBeOvertaken) {
        lock.acquire(due.accountId());
        ScheduledStep step = steps.findById(due.id(), LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = treatment.now();
        if (step == null || step.status != StepStatus.PENDING || step.dueAt.isAfter(now)) {
            return false;
        }
        CollectionCase c = step.caseId == null ? null : cases.findById(step.caseId);
        if (c != null && !step.kind.activeIn(c.state())) {
            // The case changed after the step was lined up; align() normally suspends it first.
            step.moveTo(StepStatus.SUSPENDED);
            step.statusReason = "case " + c.state();
            return false;
        }
        if (step.kind == StepKind.PRE_DUE && mayBeOvertaken.test(step.accountId) && overtakenByArrears(step)) {
            // PaymentDueSoon and PaymentMissed travel on different topics: a due-soon reminder read late must
            // not reach a cardholder whose statement is already past due, or already paid after falling due.
            step.moveTo(StepStatus.SKIPPED);
            step.statusReason = PreDueReminders.OVERTAKEN;
            return false;
        }
        step.firedAt = now;
        switch (step.kind) {
            case PROMISE_CHECK -> judgePromise(step, c);
            case PLAN_REMINDER -> remindOfInstalment(step, c);
            default -> fireStep(step, c);
        }
        return true;
    }

    private void fireStep(ScheduledStep step, CollectionCase c) {
        switch (step.channel) {
            case AGENT_CALL -> {
                c.queueForAgent(step.firedAt);
                metrics.stepFired(step.channel.name(), c.arm());
                done(step, c, "agent call task in the work queue");
            }
            case AGENCY -> escalate(step, c, EscalationTarget.AGENCY, CaseState.Escalation.AGENCY);
            case LEGAL_REVIEW -> escalate(step, c, EscalationTarget.LEGAL_REVIEW, CaseState.Escalation.LEGAL_REVIEW);
            default -> requests.request(step, c, facts(step, c));
        }
    }

    /** A pre-due step carries the facts it was created with; a case step takes the case as it is now. */
    private TemplateFacts facts(ScheduledStep step, CollectionCase c) {
        if (c == null) {
            return ReminderFacts.read(step.facts);
        }
        TemplateFacts facts = ReminderFacts.of(c);
        if (step.kind == StepKind.PROMISE_REMINDER) {
            PromiseToPay promise = promises.findById(step.reference);
            if (promise != null) {
                facts = ReminderFacts.withPromise(facts, promise);
            }
        }
        return facts;
    }

    private void escalate(ScheduledStep step, CollectionCase c, EscalationTarget target, CaseState.Escalation escalation) {
        c.escalate(escalation);
        String reason = "ladder day " + step.ladderDay + " of bucket " + step.bucket + " (" + step.templateId + "): "
                + c.daysPastDue() + " days past due, nothing paid or agreed";
        outbox.add(new CaseEscalated(c.id(), c.accountId(), target, reason, c.daysPastDue(), c.amountOverdue(), c.currency(), step.firedAt));
        metrics.stepFired(step.channel.name(), c.arm());
        done(step, c, "escalated to " + target + ": " + reason);
        lifecycle.refresh(c, Actor.SYSTEM);
    }

    private void done(ScheduledStep step, CollectionCase c, String detail) {
        step.moveTo(StepStatus.DONE);
        step.statusReason = detail;
        timeline.record(c.id(), Actor.SYSTEM, TimelineKind.STEP, step.kind + " " + step.channel + ": " + detail);
    }

    private void judgePromise(ScheduledStep step, CollectionCase c) {
        PromiseToPay promise = promises.findById(step.reference);
        step.moveTo(StepStatus.DONE);
        if (promise == null || promise.status != PromiseToPay.Status.OPEN) {
            step.statusReason = "promise already settled";
            return;
        }
        PromiseToPay.Status verdict = promise.paid.compareTo(promise.amount) >= 0 ? PromiseToPay.Status.KEPT : PromiseToPay.Status.BROKEN;
        step.statusReason = "promise " + verdict;
        lifecycle.settlePromise(c, promise, verdict, Actor.SYSTEM);
        lifecycle.resegment(c, Actor.SYSTEM);
        lifecycle.refresh(c, Actor.SYSTEM);
    }

    private void remindOfInstalment(ScheduledStep step, CollectionCase c) {
        RepaymentPlan plan = plans.findById(c.activePlanId());
        int seq = Integer.parseInt(step.reference.substring(step.reference.lastIndexOf('#') + 1));
        BigDecimal dueSoFar = BigDecimal.ZERO;
        PlanInstalment instalment = null;
        for (PlanInstalment i : plan.instalments) {
            if (i.seq <= seq) {
                dueSoFar = dueSoFar.add(i.amount);
            }
            if (i.seq == seq) {
                instalment = i;
            }
        }
        if (c.paidInPlan().compareTo(dueSoFar) >= 0) {
            step.moveTo(StepStatus.SKIPPED);
            step.statusReason = "instalment " + seq + " is already paid";
            return;
        }
        requests.request(step, c, ReminderFacts.withInstalment(ReminderFacts.of(c), plan, instalment));
    }
}
