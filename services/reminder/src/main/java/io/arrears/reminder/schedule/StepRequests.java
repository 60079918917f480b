package io.arrears.reminder.schedule;

import io.arrears.events.ReminderRequested;
import io.arrears.events.TemplateFacts;
import io.arrears.messaging.Outbox;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.ReminderMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Asks contact-channel for a step's reminder: the event and the step REQUESTED, in the transaction that fires the
 * step, whether the scheduler's or, for a day-one step, the one that opens its case. The step is the case's record
 * of the request: its timeline reads the line off it ({@link #requestedLine}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StepRequests {

    private final Outbox outbox;
    private final ReminderMetrics metrics;
    StepRequests(Outbox outbox, ReminderMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** {@code c} is null for a pre-due step, which has no case yet. */
    public void request(ScheduledStep step, CollectionCase c, TemplateFacts facts) {
        step.facts = ReminderFacts.write(facts);
        String caseId = c == null ? step.reference : c.id();
        // A pre-due step has no case to name its customer; its facts carry the id until the event does.
        String customerId = c == null ? facts.customerId() : c.customerId();
        outbox.add(new ReminderRequested(step.id, caseId, step.accountId, customerId, step.channel.contactChannel().orElseThrow(),
                step.templateId, null, facts.withoutCustomerId(), step.dueAt));
        step.moveTo(StepStatus.REQUESTED);
        metrics.stepFired(step.channel.name(), c == null ? "pre-due" : c.arm());
    }

    /** The case's timeline line for a requested step: read off the step (its status and {@code firedAt}), not kept twice. */
    public static String requestedLine(ScheduledStep step) {
        return step.kind + " " + step.channel + " " + step.templateId + (step.fallbackOf == null ? "" : " (fallback)")
                + " requested as reminder " + step.id;
    }
}
