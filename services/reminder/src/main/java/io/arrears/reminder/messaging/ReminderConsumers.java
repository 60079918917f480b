package io.arrears.reminder.messaging;

import io.arrears.events.AccountPlaced;
import io.arrears.events.AccountRecalled;
import io.arrears.events.AgencyActionReported;
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
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.arrears.reminder.lifecycle.AgencyWork;
import io.arrears.reminder.lifecycle.CaseLifecycle;
import io.arrears.reminder.lifecycle.DeliveryOutcomes;
import io.arrears.reminder.schedule.PreDueReminders;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Every topic the reminder service reads, one line each: parse, de-duplicate and dead-letter in
 * {@link EventIntake}, then one service method in the batch's transaction.
 */
@ApplicationScoped
public class ReminderConsumers implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<PaymentDueSoon> paymentDueSoon;
    private final Subscription<PaymentMissed> paymentMissed;
    private final Subscription<PaymentReceived> paymentReceived;
    private final Subscription<PlanBroken> planBroken;
    private final Subscription<PlanCompleted> planCompleted;
    private final Subscription<PlanRejected> planRejected;
    private final Subscription<ComplaintOpened> complaintOpened;
    private final Subscription<ComplaintResolved> complaintResolved;
    private final Subscription<ReminderSent> reminderSent;
    private final Subscription<AccountPlaced> accountPlaced;
    private final Subscription<AccountRecalled> accountRecalled;
    private final Subscription<AgencyActionReported> agencyActions;

    ReminderConsumers(EventIntake intake, CaseLifecycle cases, DeliveryOutcomes outcomes, PreDueReminders preDue, AgencyWork agencies) {
        this.intake = intake;
        this.paymentDueSoon = Subscription.of("reminder.payment-due-soon", PaymentDueSoon.class, (event, headers) -> preDue.dueSoon(event)).lockingEachAccount()
                .preparedBy(preDue::beforeDueSoon);
        this.paymentMissed = Subscription.of("reminder.payment-missed", PaymentMissed.class, (event, headers) -> cases.paymentMissed(event, headers.time())).lockingEachAccount()
                .preparedBy(cases::beforePaymentsMissed);
        this.paymentReceived = Subscription.of("reminder.payment-received", PaymentReceived.class, (event, headers) -> cases.paymentReceived(event, headers.time())).lockingEachAccount();
        this.planBroken = Subscription.of("reminder.plan-broken", PlanBroken.class, (event, headers) -> cases.planBroken(event)).lockingEachAccount();
        this.planCompleted = Subscription.of("reminder.plan-completed", PlanCompleted.class, (event, headers) -> cases.planCompleted(event)).lockingEachAccount();
        this.planRejected = Subscription.of("reminder.plan-rejected", PlanRejected.class, (event, headers) -> cases.planRejected(event)).lockingEachAccount();
        this.complaintOpened = Subscription.of("reminder.complaint-opened", ComplaintOpened.class, (event, headers) -> cases.complaintOpened(event)).lockingEachAccount();
        this.complaintResolved = Subscription.of("reminder.complaint-resolved", ComplaintResolved.class, (event, headers) -> cases.complaintResolved(event)).lockingEachAccount();
        // An outcome told twice changes nothing: its contact record is keyed by reminder and status, and the
        // step's status table refuses to move it again. So the intake keeps no inbox row for ReminderSent.
        this.reminderSent = Subscription.inBatches("reminder.reminder-sent", ReminderSent.class, outcomes::recordAll).lockingEachAccount()
                .deduplicatedByItsRows();
        this.accountPlaced = Subscription.of("reminder.account-placed", AccountPlaced.class, (event, headers) -> agencies.placed(event));
        this.accountRecalled = Subscription.of("reminder.account-recalled", AccountRecalled.class, (event, headers) -> agencies.recalled(event));
        this.agencyActions = Subscription.of("reminder.agency-action-reported", AgencyActionReported.class, (event, headers) -> agencies.acted(event));
    }

    @Incoming("payment-due-soon")
    @Blocking
    public void paymentDueSoon(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentDueSoon, records);
    }

    @Incoming("payment-missed")
    @Blocking
    public void paymentMissed(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentMissed, records);
    }

    @Incoming("payment-received")
    @Blocking
    public void paymentReceived(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentReceived, records);
    }

    @Incoming("plan-broken")
    @Blocking
    public void planBroken(ConsumerRecords<String, byte[]> records) {
        intake.apply(planBroken, records);
    }

    @Incoming("plan-completed")
    @Blocking
    public void planCompleted(ConsumerRecords<String, byte[]> records) {
        intake.apply(planCompleted, records);
    }

    @Incoming("plan-rejected")
    @Blocking
    public void planRejected(ConsumerRecords<String, byte[]> records) {
        intake.apply(planRejected, records);
    }

    @Incoming("complaint-opened")
    @Blocking
    public void complaintOpened(ConsumerRecords<String, byte[]> records) {
        intake.apply(complaintOpened, records);
    }

    @Incoming("complaint-resolved")
    @Blocking
    public void complaintResolved(ConsumerRecords<String, byte[]> records) {
        intake.apply(complaintResolved, records);
    }

    @Incoming("reminder-sent")
    @Blocking
    public void reminderSent(ConsumerRecords<String, byte[]> records) {
        intake.apply(reminderSent, records);
    }

    @Incoming("account-placed")
    @Blocking
    public void accountPlaced(ConsumerRecords<String, byte[]> records) {
        intake.apply(accountPlaced, records);
    }

    @Incoming("account-recalled")
    @Blocking
    public void accountRecalled(ConsumerRecords<String, byte[]> records) {
        intake.apply(accountRecalled, records);
    }

    @Incoming("agency-action-reported")
    @Blocking
    public void agencyActionReported(ConsumerRecords<String, byte[]> records) {
        intake.apply(agencyActions, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(paymentDueSoon, paymentMissed, paymentReceived, planBroken, planCompleted, planRejected, complaintOpened, complaintResolved,
                reminderSent, accountPlaced, accountRecalled, agencyActions);
    }
}
