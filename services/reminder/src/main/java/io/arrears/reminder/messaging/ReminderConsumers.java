package io.arrears.reminder.messaging;

import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.PaymentDueSoon;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.PlanBroken;
import io.arrears.events.PlanCompleted;
import io.arrears.events.PlanRejected;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.EventIntake;
import io.arrears.reminder.cases.CaseLifecycle;
import io.arrears.reminder.schedule.DeliveryOutcomes;
import io.arrears.reminder.schedule.PreDueReminders;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every topic the reminder service reads, one line each: parse, de-duplicate and dead-letter in
 * {@link EventIntake}, then one service method in the batch's transaction.
 */
@ApplicationScoped
public class ReminderConsumers {

    private final EventIntake intake;
    private final CaseLifecycle cases;
    private final DeliveryOutcomes outcomes;
    private final PreDueReminders preDue;

    ReminderConsumers(EventIntake intake, CaseLifecycle cases, DeliveryOutcomes outcomes, PreDueReminders preDue) {
        this.intake = intake;
        this.cases = cases;
        this.outcomes = outcomes;
        this.preDue = preDue;
    }

    @Incoming("payment-due-soon")
    @Blocking
    public void paymentDueSoon(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.payment-due-soon", records, PaymentDueSoon.class, (event, headers) -> preDue.dueSoon(event));
    }

    @Incoming("payment-missed")
    @Blocking
    public void paymentMissed(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.payment-missed", records, PaymentMissed.class, (event, headers) -> cases.paymentMissed(event, headers.time()));
    }

    @Incoming("payment-received")
    @Blocking
    public void paymentReceived(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.payment-received", records, PaymentReceived.class, (event, headers) -> cases.paymentReceived(event, headers.time()));
    }

    @Incoming("plan-broken")
    @Blocking
    public void planBroken(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.plan-broken", records, PlanBroken.class, (event, headers) -> cases.planBroken(event));
    }

    @Incoming("plan-completed")
    @Blocking
    public void planCompleted(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.plan-completed", records, PlanCompleted.class, (event, headers) -> cases.planCompleted(event));
    }

    @Incoming("plan-rejected")
    @Blocking
    public void planRejected(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.plan-rejected", records, PlanRejected.class, (event, headers) -> cases.planRejected(event));
    }

    @Incoming("complaint-opened")
    @Blocking
    public void complaintOpened(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.complaint-opened", records, ComplaintOpened.class, (event, headers) -> cases.complaintOpened(event));
    }

    @Incoming("complaint-resolved")
    @Blocking
    public void complaintResolved(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.complaint-resolved", records, ComplaintResolved.class, (event, headers) -> cases.complaintResolved(event));
    }

    @Incoming("reminder-sent")
    @Blocking
    public void reminderSent(ConsumerRecords<String, byte[]> records) {
        intake.apply("reminder.reminder-sent", records, ReminderSent.class, (event, headers) -> outcomes.record(event));
    }
}
