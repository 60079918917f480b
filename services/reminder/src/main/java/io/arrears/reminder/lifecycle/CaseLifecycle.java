package io.arrears.reminder.lifecycle;

import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.Money;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanBroken;
import io.arrears.events.PlanCompleted;
import io.arrears.events.PlanRejected;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outcome;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.ContactHold;
import io.arrears.reminder.cases.HoldRepository;
import io.arrears.reminder.cases.PlanApproval;
import io.arrears.reminder.cases.PlanApprovalRepository;
import io.arrears.reminder.cases.PlanAudit;
import io.arrears.reminder.cases.PlanRepository;
import io.arrears.reminder.cases.PromiseRepository;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.ReminderMetrics;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.schedule.StepKind;
import io.arrears.reminder.schedule.StepStatus;
import io.arrears.reminder.schedule.Treatment;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Opens, updates, pauses and closes collection cases from what the account and complaint services
 * announce. Every method runs in the consumer's transaction, under the account's lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseLifecycle {

    private static final Actor PAYMENT_MISSED = Actor.event("PaymentMissed");
    private static final Actor PAYMENT_RECEIVED = Actor.event("PaymentReceived");

    private final CaseRepository cases;
    private final HoldRepository holds;
    private final PromiseRepository promises;
    private final PlanRepository plans;
    private final AccountLock lock;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;
    private final CaseTimeline timeline;
    private final ReminderMetrics metrics;
    private final EarlyPayments earlyPayments;
    private final PlanAudit audit;
    private final PlanApprovalRepository approvals;

    CaseLifecycle(CaseRepository cases, HoldRepository holds, PromiseRepository promises, PlanRepository plans, AccountLock lock,
                  Treatment treatment, TreatmentStrategy strategy, CaseTimeline timeline, ReminderMetrics metrics,
                  EarlyPayments earlyPayments, PlanAudit audit, PlanApprovalRepository approvals) {
        this.approvals = approvals;
        this.cases = cases;
        this.holds = holds;
        this.promises = promises;
        this.plans = plans;
        this.lock = lock;
        this.treatment = treatment;
        this.strategy = strategy;
        this.timeline = timeline;
        this.metrics = metrics;
        this.earlyPayments = earlyPayments;
        this.audit = audit;
    }

    /**
     * Before a transaction's PaymentMissed are applied one by one, under their accounts' locks: which accounts
     * have no open case, no hold and no kept payment, one query each, so that opening a case asks nothing.
     */
    public void beforePaymentsMissed(List<PaymentMissed> missed) {
        List<String> accounts = missed.stream().map(PaymentMissed::accountId).distinct().toList();
        if (!accounts.isEmpty()) {
            cases.noteAccountsWithoutOpenCase(accounts);
            holds.noteAccountsNotHeld(accounts);
            earlyPayments.noteAccountsWithoutPayments(accounts);
        }
    }

    /** {@code occurredAt}: when the account service wrote the event, which orders it against payments. */
    public Outcome paymentMissed(PaymentMissed missed, OffsetDateTime occurredAt) {
        if (strategy.bucket(missed.bucket()).isEmpty()) {
            return Outcome.rejected("bucket '" + missed.bucket() + "' is not one of reminder.strategy.buckets");
        }
        lock.acquire(missed.accountId());
        Optional<CollectionCase> open = cases.openFor(missed.accountId());
        if (open.isEmpty()) {
            List<PaymentReceived> paidFirst = earlyPayments.takeFrom(missed.accountId(), occurredAt);
            // A payment that came first may close the case it opens or change what its reminders say: they are then
            // left to the scheduler, which fires what the payment left, instead of being requested before it is applied.
            CollectionCase c = open(missed, paidFirst.isEmpty());
            for (PaymentReceived early : paidFirst) {
                if (!c.isClosed()) {
                    applyPayment(c, early, PAYMENT_RECEIVED.because("arrived before its PaymentMissed"));
                }
            }
            return Outcome.applied();
        }
        CollectionCase c = open.get();
        if (!c.keptIn(missed.currency())) {
            return Outcome.rejected("PaymentMissed in " + missed.currency() + " for case " + c.id() + " kept in " + c.currency());
        }
        boolean planBroken = c.breaksPlan(missed);
        if (planBroken) {
            endPlan(c, RepaymentPlan.Status.BROKEN, PAYMENT_MISSED);
        }
        boolean newBucket = c.missed(missed, treatment.today());
        timeline.record(c.id(), PAYMENT_MISSED, TimelineKind.UPDATED, describe(missed));
        resegment(c, PAYMENT_MISSED);
        if (planBroken || newBucket) {
            settleState(c, PAYMENT_MISSED);
            treatment.enterBucket(c, PAYMENT_MISSED);
        } else {
            refresh(c, PAYMENT_MISSED);
        }
        return Outcome.applied();
    }

    private CollectionCase open(PaymentMissed missed, boolean requestDueNow) {
        String id = "CASE-" + TimeOrderedIds.next();
        CollectionCase c = CollectionCase.open(id, strategy.armFor(id), missed, treatment.today(), treatment.now());
        c.moveToSegment(strategy.segmentFor(c.facts()));
        timeline.record(c.id(), PAYMENT_MISSED, TimelineKind.OPENED, describe(missed) + "; arm " + c.arm() + ", segment " + c.segment());
        metrics.caseOpened(c.arm(), c.segment());
        // A case opened now has no promise yet: only a hold can change the state it starts in.
        c.settleState(holds.isHeld(c.accountId()), false).ifPresent(change -> timeline.record(c.id(), PAYMENT_MISSED, change));
        // Added once its state and ladder are set, so the row is inserted as it stands: inserted bare, it was updated in
        // the same flush (on a statement day, a whole-row update per case).
        treatment.enterFirstBucket(c, PAYMENT_MISSED, requestDueNow, () -> cases.add(c));
        return c;
    }

    public Outcome paymentReceived(PaymentReceived received, OffsetDateTime occurredAt) {
        lock.acquire(received.accountId());
        Optional<CollectionCase> open = cases.openFor(received.accountId());
        if (open.isEmpty()) {
            // Its PaymentMissed may still be on its way (another topic): kept, so the case it opens starts paid.
            earlyPayments.keep(received, occurredAt);
            return Outcome.applied();
        }
        CollectionCase c = open.get();
        if (!c.keptIn(received.currency())) {
            return Outcome.rejected("PaymentReceived in " + received.currency() + " for case " + c.id() + " kept in " + c.currency());
        }
        applyPayment(c, received, PAYMENT_RECEIVED);
        return Outcome.applied();
    }

    private void applyPayment(CollectionCase c, PaymentReceived received, Actor actor) {
        Money amount = Money.of(received.amount(), received.currency());
        timeline.record(c.id(), actor, TimelineKind.PAYMENT, amount + " paid, " + Money.of(received.remainingOverdue(), c.currency())
                + " still overdue" + (received.cured() ? ", cured" : ""));
        boolean cured = c.paid(received);
        promises.openFor(c.id()).ifPresent(promise -> {
            promise.paid = promise.paid.add(received.amount());
            if (promise.paid.compareTo(promise.amount) >= 0) {
                settlePromise(c, promise, PromiseToPay.Status.KEPT, actor);
            }
        });
        if (cured) {
            close(c, "PAID", actor);
            return;
        }
        resegment(c, actor);
        refresh(c, actor);
    }

    public Outcome planBroken(PlanBroken broken) {
        lock.acquire(broken.accountId());
        Actor actor = Actor.event("PlanBroken");
        cases.openFor(broken.accountId()).filter(c -> broken.planId().equals(c.activePlanId())).ifPresent(c -> {
            endPlan(c, RepaymentPlan.Status.BROKEN, actor);
            refresh(c, actor);
            treatment.enterBucket(c, actor);
        });
        return Outcome.applied();
    }

    /**
     * The account service would not put the plan in force: its figures do not cover the arrears on the
     * bank's record. The case leaves the plan, goes back to an agent and resumes its bucket's ladder.
     */
    public Outcome planRejected(PlanRejected rejected) {
        lock.acquire(rejected.accountId());
        Actor actor = Actor.event("PlanRejected");
        cases.openFor(rejected.accountId()).filter(c -> rejected.planId().equals(c.activePlanId())).ifPresent(c -> {
            audit.rejectedDownstream(c.id(), rejected.planId(), rejected.reason(), actor.name());
            timeline.record(c.id(), actor, TimelineKind.PLAN, "plan " + rejected.planId() + " refused by the account service: "
                    + rejected.reason());
            endPlan(c, RepaymentPlan.Status.REJECTED, actor);
            c.queueForAgent(treatment.now());
            refresh(c, actor);
            treatment.enterBucket(c, actor);
        });
        return Outcome.applied();
    }

    public Outcome planCompleted(PlanCompleted completed) {
        lock.acquire(completed.accountId());
        Actor actor = Actor.event("PlanCompleted");
        cases.openFor(completed.accountId()).filter(c -> completed.planId().equals(c.activePlanId())).ifPresent(c -> {
            endPlan(c, RepaymentPlan.Status.COMPLETED, actor);
            close(c, "PLAN_COMPLETED", actor);
        });
        return Outcome.applied();
    }

    public Outcome complaintOpened(ComplaintOpened opened) {
        lock.acquire(opened.accountId());
        Actor actor = Actor.event("ComplaintOpened");
        Optional<CollectionCase> open = cases.openFor(opened.accountId());
        if (!opened.holdsContact()) {
            open.ifPresent(c -> timeline.record(c.id(), actor, TimelineKind.COMPLAINT,
                    "complaint " + opened.complaintId() + " (" + opened.category() + ") does not hold contact"));
            return Outcome.applied();
        }
        ContactHold known = holds.findById(opened.complaintId());
        if (known != null && known.releasedAt != null) {
            open.ifPresent(c -> timeline.record(c.id(), actor, TimelineKind.COMPLAINT, "complaint " + opened.complaintId()
                    + " arrived after its resolution; it holds nothing"));
            return Outcome.applied();
        }
        if (known == null) {
            ContactHold hold = new ContactHold();
            hold.complaintId = opened.complaintId();
            hold.accountId = opened.accountId();
            hold.category = opened.category().name();
            hold.openedAt = opened.openedAt();
            holds.add(hold);
            holds.flush();
        }
        open.ifPresent(c -> {
            timeline.record(c.id(), actor, TimelineKind.HOLD, "complaint " + opened.complaintId() + " (" + opened.category() + ") holds contact");
            refresh(c, actor);
        });
        return Outcome.applied();
    }

    public Outcome complaintResolved(ComplaintResolved resolved) {
        lock.acquire(resolved.accountId());
        ContactHold hold = holds.findById(resolved.complaintId());
        if (hold == null) {
            // The resolution overtook the opening (another topic): a released hold is kept, so that the
            // opening, when it comes, finds its complaint already resolved and holds nothing.
            ContactHold released = new ContactHold();
            released.complaintId = resolved.complaintId();
            released.accountId = resolved.accountId();
            released.category = resolved.category().name();
            released.openedAt = resolved.resolvedAt();
            released.releasedAt = resolved.resolvedAt();
            holds.persist(released);
            return Outcome.applied();
        }
        if (hold.releasedAt != null) {
            return Outcome.applied();
        }
        hold.releasedAt = resolved.resolvedAt();
        holds.flush();
        Actor actor = Actor.event("ComplaintResolved");
        cases.openFor(resolved.accountId()).ifPresent(c -> {
            timeline.record(c.id(), actor, TimelineKind.RELEASED, "complaint " + resolved.complaintId() + " resolved ("
                    + resolved.outcome() + "); its hold is released");
            refresh(c, actor);
        });
        return Outcome.applied();
    }

    /** Recomputes the state from the case's facts, records the change and lines the steps up with it. */
    public void refresh(CollectionCase c, Actor actor) {
        settleState(c, actor);
        treatment.align(c);
    }

    /** Recomputes the state alone, for callers that line the steps up themselves (entering a bucket does). */
    private void settleState(CollectionCase c, Actor actor) {
        c.settleState(holds.isHeld(c.accountId()), promises.openFor(c.id()).isPresent())
                .ifPresent(change -> timeline.record(c.id(), actor, change));
    }

    public void close(CollectionCase c, String reason, Actor actor) {
        withdrawWaitingApproval(c, "case closed: " + reason, actor);
        promises.openFor(c.id()).ifPresent(p -> settlePromise(c, p, reason.equals("PAID") ? PromiseToPay.Status.KEPT : PromiseToPay.Status.SUPERSEDED, actor));
        treatment.cancelAll(c, "case closed: " + reason);
        c.close(reason, treatment.now());
        refresh(c, actor);
        metrics.caseClosed(c.arm(), reason);
    }

    /** A plan waiting for a supervisor is moot once the case has a plan or is closed: no one may approve it then. */
    public void withdrawWaitingApproval(CollectionCase c, String why, Actor actor) {
        approvals.pendingFor(c.id()).ifPresent(approval -> {
            approval.moveTo(PlanApproval.Status.WITHDRAWN);
            approval.decidedAt = treatment.now();
            approval.decisionNote = why;
            timeline.record(c.id(), actor, TimelineKind.PLAN, "plan approval " + approval.id + " withdrawn: " + why);
        });
    }

    public void settlePromise(CollectionCase c, PromiseToPay promise, PromiseToPay.Status status, Actor actor) {
        promise.moveTo(status);
        promise.settledAt = treatment.now();
        treatment.cancel(c, s -> (s.kind == StepKind.PROMISE_REMINDER || s.kind == StepKind.PROMISE_CHECK) && promise.id.equals(s.reference),
                StepStatus.CANCELLED, "promise " + status);
        if (status == PromiseToPay.Status.BROKEN) {
            c.promiseBroken();
        }
        timeline.record(c.id(), actor, TimelineKind.PROMISE, "promise " + promise.id + " of " + Money.of(promise.amount, promise.currency)
                + " by " + promise.promisedDate + ": " + status);
        if (status == PromiseToPay.Status.KEPT || status == PromiseToPay.Status.BROKEN) {
            metrics.promise(status.name().toLowerCase(), c.arm());
        }
    }

    private void endPlan(CollectionCase c, RepaymentPlan.Status status, Actor actor) {
        RepaymentPlan plan = plans.findById(c.activePlanId());
        if (plan != null) {
            plan.moveTo(status);
            plan.endedAt = treatment.now();
        }
        treatment.cancel(c, s -> s.kind == StepKind.PLAN_REMINDER, StepStatus.CANCELLED, "plan " + status);
        timeline.record(c.id(), actor, c.endPlan(status));
        metrics.plan(status.name().toLowerCase(), c.arm());
    }

    /** A partial payment or a broken promise can move a case to another segment; the rest of its ladder follows. */
    public void resegment(CollectionCase c, Actor actor) {
        c.moveToSegment(strategy.segmentFor(c.facts())).ifPresent(change -> {
            timeline.record(c.id(), actor, change);
            treatment.followSegment(c, actor);
        });
    }

    private static String describe(PaymentMissed missed) {
        return missed.reason() + ": " + missed.daysPastDue() + " days past due, bucket " + missed.bucket() + ", "
                + Money.of(missed.amountOverdue(), missed.currency()) + " overdue";
    }
}
