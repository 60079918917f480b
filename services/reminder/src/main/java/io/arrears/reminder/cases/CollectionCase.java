package io.arrears.reminder.cases;

import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.reminder.strategy.CaseFacts;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One account's arrears, from the first missed payment to its close. Its facts change only through the
 * intents below, each of which enforces the case's rules and says what it changed; the services around it
 * load the case, call one intent, and record and publish what came back.
 */
@Entity
@Table(name = "collection_case")
public class CollectionCase {

    @Id
    private String id;
    private String accountId;
    private String customerId;
    private String currency;
    @Enumerated(EnumType.STRING)
    private CaseState state;
    private String arm;
    private String segment;
    private String product;
    /** The card's last four digits, for messages to name the card; null when core banking does not send them. */
    private String cardLast4;
    private String bucket;
    /** The bucket whose ladder the case is on; it trails {@link #bucket} until the case enters the new one. */
    private String ladderBucket;
    private int daysPastDue;
    private LocalDate dayOne;
    private String statementId;
    private LocalDate dueDate;
    private BigDecimal amountOverdue;
    private BigDecimal minimumDue;
    private BigDecimal totalBalance;
    @Enumerated(EnumType.STRING)
    private CaseState.Escalation escalation;
    private int brokenPromises;
    private int brokenPlans;
    private OffsetDateTime agentTaskSince;
    private String activePlanId;
    private BigDecimal paidInPlan;
    private OffsetDateTime openedAt;
    private OffsetDateTime closedAt;
    private String closedReason;
    @Version
    private long version;

    protected CollectionCase() {
        // for JPA
    }

    /** The case an account's first missed payment opens; {@code today} fixes the ladder's day one. */
    public static CollectionCase open(String id, String arm, PaymentMissed missed, LocalDate today, OffsetDateTime now) {
        CollectionCase c = new CollectionCase();
        c.id = id;
        c.accountId = missed.accountId();
        c.customerId = missed.customerId();
        c.currency = missed.currency();
        c.arm = arm;
        c.escalation = CaseState.Escalation.NONE;
        c.paidInPlan = BigDecimal.ZERO;
        c.openedAt = now;
        c.state = CaseState.OPEN;
        c.copyFacts(missed, today);
        return c;
    }

    /** Money on this case is kept in one currency; an event in another is not about this debt. */
    public boolean keptIn(String currency) {
        return this.currency.equals(currency);
    }

    /** Whether this missed payment is an instalment of the plan in force (an unnamed plan means the one in force). */
    public boolean breaksPlan(PaymentMissed missed) {
        return missed.reason() == MissedReason.PLAN_INSTALMENT_MISSED && activePlanId != null
                && (missed.planId() == null || missed.planId().equals(activePlanId));
    }

    /**
     * The account service's newer view of the arrears. Returns whether the case now stands in another bucket
     * than the ladder it is on, so that it must enter the new bucket's ladder.
     */
    public boolean missed(PaymentMissed missed, LocalDate today) {
        requireOpen();
        copyFacts(missed, today);
        return !bucket.equals(ladderBucket);
    }

    /** Returns whether the payment cured the case outside a plan, which closes it as paid. */
    public boolean paid(PaymentReceived received) {
        requireOpen();
        amountOverdue = received.remainingOverdue();
        if (activePlanId != null) {
            paidInPlan = paidInPlan.add(received.amount());
        }
        return received.cured() && activePlanId == null;
    }

    /** The case starts the ladder of the bucket it stands in. */
    public void enterLadderOfBucket() {
        ladderBucket = bucket;
    }

    /** A partial payment or a broken promise can move a case to another segment of its arm. */
    public Optional<CaseChange> moveToSegment(String next) {
        if (next.equals(segment)) {
            return Optional.empty();
        }
        CaseChange change = new CaseChange(TimelineKind.SEGMENT, (segment == null ? "none" : segment) + " -> " + next);
        segment = next;
        return Optional.of(change);
    }

    /**
     * Recomputes the state from the case's facts and what the caller knows beside them (a complaint's hold, an
     * open promise); a change the business does not allow is refused with {@link CaseState.IllegalCaseTransition}.
     */
    public Optional<CaseChange> settleState(boolean held, boolean promiseOpen) {
        CaseState next = CaseState.derive(closedAt != null, held, activePlanId != null, promiseOpen, escalation);
        if (next == state) {
            return Optional.empty();
        }
        state.requireTransitionTo(next);
        CaseChange change = new CaseChange(TimelineKind.STATE, state + " -> " + next);
        state = next;
        return Optional.of(change);
    }

    /** An agent may talk to the cardholder and record it on any case not closed. */
    public void requireOpen() {
        if (closedAt != null) {
            throw new CaseConflict("case " + id + " is closed (" + closedReason + ")");
        }
    }

    /** A promise to pay would contradict a plan in force. */
    public void requirePromisePossible() {
        requireOpen();
        if (activePlanId != null) {
            throw new CaseConflict("case " + id + " is in a repayment plan; a promise would contradict it");
        }
    }

    public void requirePlanPossible() {
        requireOpen();
        if (state == CaseState.ON_HOLD) {
            throw new CaseConflict("case " + id + " is on hold while a complaint is open");
        }
        if (activePlanId != null) {
            throw new CaseConflict("case " + id + " already has plan " + activePlanId + " in force");
        }
    }

    public void agreePlan(String planId) {
        requirePlanPossible();
        activePlanId = planId;
        paidInPlan = BigDecimal.ZERO;
        agentTaskSince = null;
    }

    /** The plan in force ends; a broken one counts against the cardholder's next segment. */
    public CaseChange endPlan(RepaymentPlan.Status status) {
        if (activePlanId == null) {
            throw new CaseConflict("case " + id + " has no plan in force to end as " + status);
        }
        CaseChange change = new CaseChange(TimelineKind.PLAN, "plan " + activePlanId + " " + status);
        if (status == RepaymentPlan.Status.BROKEN) {
            brokenPlans++;
        }
        activePlanId = null;
        paidInPlan = BigDecimal.ZERO;
        return change;
    }

    public void promiseBroken() {
        brokenPromises++;
    }

    /** The case waits in the agents' queue from the first time a step or an event put it there. */
    public void queueForAgent(OffsetDateTime since) {
        if (agentTaskSince == null) {
            agentTaskSince = since;
        }
    }

    public void agentTaskDone() {
        agentTaskSince = null;
    }

    /** Escalation only rises: a legal review is not undone by a later agency step. */
    public void escalate(CaseState.Escalation to) {
        if (escalation.ordinal() < to.ordinal()) {
            escalation = to;
        }
    }

    public void close(String reason, OffsetDateTime at) {
        requireOpen();
        closedAt = at;
        closedReason = reason;
        agentTaskSince = null;
    }

    /** The ladder day of {@code date}: day 1 is the first day past due. */
    public int ladderDay(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(dayOne, date) + 1;
    }

    public boolean isClosed() {
        return state == CaseState.CLOSED;
    }

    public boolean hasPlan() {
        return activePlanId != null;
    }

    /** What the strategy segments a case on. */
    public CaseFacts facts() {
        return new CaseFacts(amountOverdue, daysPastDue, product, brokenPromises);
    }

    private void copyFacts(PaymentMissed missed, LocalDate today) {
        bucket = missed.bucket();
        daysPastDue = missed.daysPastDue();
        dayOne = today.minusDays(missed.daysPastDue() - 1L);
        statementId = missed.statementId();
        dueDate = missed.dueDate();
        amountOverdue = missed.amountOverdue();
        minimumDue = missed.minimumDue();
        totalBalance = missed.totalBalance();
        if (missed.product() != null) {
            product = missed.product();
        }
        if (missed.cardLast4() != null) {
            cardLast4 = missed.cardLast4();
        }
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public CaseState state() {
        return state;
    }

    public String arm() {
        return arm;
    }

    public String segment() {
        return segment;
    }

    public String product() {
        return product;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public String bucket() {
        return bucket;
    }

    public String ladderBucket() {
        return ladderBucket;
    }

    public int daysPastDue() {
        return daysPastDue;
    }

    public LocalDate dayOne() {
        return dayOne;
    }

    public String statementId() {
        return statementId;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public BigDecimal amountOverdue() {
        return amountOverdue;
    }

    public BigDecimal minimumDue() {
        return minimumDue;
    }

    public BigDecimal totalBalance() {
        return totalBalance;
    }

    public CaseState.Escalation escalation() {
        return escalation;
    }

    public int brokenPromises() {
        return brokenPromises;
    }

    public int brokenPlans() {
        return brokenPlans;
    }

    public OffsetDateTime agentTaskSince() {
        return agentTaskSince;
    }

    public String activePlanId() {
        return activePlanId;
    }

    public BigDecimal paidInPlan() {
        return paidInPlan;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public String closedReason() {
        return closedReason;
    }
}
