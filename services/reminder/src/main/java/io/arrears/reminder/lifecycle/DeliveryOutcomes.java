package io.arrears.reminder.lifecycle;

import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Outcome;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.ContactRecordRepository;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepRepository;
import io.arrears.reminder.schedule.StepStatus;
import io.arrears.reminder.schedule.Treatment;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * What contact-channel did with each reminder. The outcome goes on the step; a reminder that could not reach
 * the cardholder falls back to another channel.
 *
 * <p>The step is the reminder's contact history for the routine outcomes: when it went out ({@code sentAt}) and
 * where it stands ({@code status} at {@code outcomeAt}). What the step cannot say is appended to the contact
 * records as told: a failure, a suppression or an UNKNOWN send (the step moves on from UNKNOWN), and an outcome
 * that moved no step (a late SENT, a repeat with something new, one for a reminder this service never requested).
 *
 * <p>An outcome read twice changes nothing, so no inbox remembers these events: everything follows the step's
 * move to the new status, which its table allows once, and a contact record is keyed by reminder and status.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);
    private static final Set<DeliveryStatus> ROUTINE = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);

    private final StepRepository steps;
    private final ContactRecordRepository contacts;
    private final CaseRepository cases;
    private final AccountLock lock;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;
    private final CaseTimeline timeline;

    DeliveryOutcomes(StepRepository steps, ContactRecordRepository contacts, CaseRepository cases, AccountLock lock, Treatment treatment, TreatmentStrategy strategy,
                     CaseTimeline timeline) {
        this.steps = steps;
        this.contacts = contacts;
        this.cases = cases;
        this.lock = lock;
        this.treatment = treatment;
        this.strategy = strategy;
        this.timeline = timeline;
    }

    /**
     * A consumed batch's outcomes. Nearly all are routine (SENT, DELIVERED) for steps that await them: those move their
     * steps in one statement, a round for each reminder's first outcome in the batch, then its second, so a step takes
     * them in the order they came as {@link #record} would, and write nothing else. The rest, and the reminders with any
     * other outcome in the batch, go through {@link #record} after them, their steps read in one query.
     */
    public void recordAll(List<ReminderSent> outcomes) {
        Map<String, List<ReminderSent>> byReminder = outcomes.stream()
                .collect(Collectors.groupingBy(ReminderSent::reminderId, LinkedHashMap::new, Collectors.toList()));
        List<List<ReminderSent>> routine = new ArrayList<>();
        List<ReminderSent> rest = new ArrayList<>();
        byReminder.values().forEach(its -> {
            if (its.stream().allMatch(sent -> ROUTINE.contains(sent.status()))) {
                routine.add(its);
            } else {
                rest.addAll(its);
            }
        });
        for (int round = 0; ; round++) {
            int nth = round;
            List<ReminderSent> next = routine.stream().filter(its -> its.size() > nth).map(its -> its.get(nth)).toList();
            if (next.isEmpty()) {
                break;
            }
            Map<String, String> moved = steps.moveOnOutcomes(next);
            for (ReminderSent sent : next) {
                if (!moved.containsKey(sent.reminderId())) {
                    // No step, or one its table keeps where it is (a repeat, a SENT after DELIVERED): record says why.
                    rest.add(sent);
                }
            }
        }
        steps.loadAll(rest.stream().map(ReminderSent::reminderId).distinct().toList());
        rest.forEach(this::record);
    }

    /**
     * One outcome, on its step where the step's table allows it. A receipt's outcome that carries its send
     * ({@code sentAt}) tells both, so the history reads as it would had SENT come alone; the step moves once,
     * straight to where the receipt leaves it.
     */
    public Outcome record(ReminderSent sent) {
        lock.acquire(sent.accountId());
        ScheduledStep step = steps.findById(sent.reminderId());
        if (step == null) {
            sent.told().forEach(outcome -> contacts.append(outcome, sent.caseId()));
            LOG.warnf("ReminderSent for reminder %s, which this service did not request", sent.reminderId());
            return Outcome.applied();
        }
        StepStatus status = StepStatus.valueOf(sent.status().name());
        // SENT can arrive after DELIVERED from a slow provider callback, or twice: an outcome the step's table
        // does not allow from where it stands does not move it, and a final one is never undone. It is kept as
        // told beside the step, unless the step already says it.
        if (!step.status.canBecome(status)) {
            sent.told().stream().filter(outcome -> !saysAlready(step, outcome)).forEach(outcome -> contacts.append(outcome, step.caseId));
            return Outcome.applied();
        }
        step.moveTo(status);
        step.statusReason = sent.reason();
        step.providerMessageId = sent.providerMessageId();
        step.outcomeAt = sent.at();
        if (step.sentAt == null) {
            step.sentAt = sent.sendTime();
        }
        sent.told().stream().filter(outcome -> !ROUTINE.contains(outcome.status())).forEach(outcome -> contacts.append(outcome, step.caseId));
        // A reminder that went out, or reached the handset, is already the case's contact history above (and
        // contact-channel's attempt): the timeline keeps the outcomes a collector must act on or explain.
        if (step.caseId != null && !ROUTINE.contains(sent.status())) {
            timeline.record(step.caseId, Actor.event("ReminderSent"), TimelineKind.CONTACT, sent.channel() + " reminder " + sent.reminderId() + ": " + sent.status()
                    + (sent.reason() == null ? "" : " (" + sent.reason() + ")"));
        }
        if (!strategy.fallsBack(sent.status(), sent.reason())) {
            return Outcome.applied();
        }
        // Only a failure needs the case: most outcomes are a step's status and a line on its timeline.
        CollectionCase c = step.caseId == null ? null : cases.findById(step.caseId);
        if (c == null || !c.isClosed()) {
            treatment.fallback(step, c).ifPresentOrElse(
                    next -> {
                        if (c != null) {
                            timeline.record(c.id(), Actor.SYSTEM, TimelineKind.FALLBACK, sent.channel() + " failed; " + next.channel
                                    + " instead, as reminder " + next.id);
                        }
                    },
                    () -> {
                        if (c != null) {
                            timeline.record(c.id(), Actor.SYSTEM, TimelineKind.FALLBACK, sent.channel()
                                    + " failed and no channel of the fallback order is left for this notice");
                        }
                    });
        }
        return Outcome.applied();
    }

    /** Whether the step already holds this outcome: its send, or the delivery it stands at. */
    private static boolean saysAlready(ScheduledStep step, ReminderSent outcome) {
        return outcome.status() == DeliveryStatus.SENT ? step.sentAt != null
                : outcome.status() == DeliveryStatus.DELIVERED && step.status == StepStatus.DELIVERED;
    }
}
