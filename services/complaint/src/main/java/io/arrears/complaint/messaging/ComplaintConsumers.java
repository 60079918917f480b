package io.arrears.complaint.messaging;

import io.arrears.complaint.evidence.ContactHistory;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.PaymentMissed;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** The evidence the complaint service keeps: every contact outcome, the bank's and its agencies', and the latest case facts per account. */
@ApplicationScoped
public class ComplaintConsumers implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<ReminderSent> reminderSent;
    private final Subscription<PaymentMissed> paymentMissed;
    private final Subscription<AgencyActionReported> agencyActions;

    ComplaintConsumers(EventIntake intake, ContactHistory history) {
        this.intake = intake;
        // Evidence is keyed by reminder and status and kept once: it de-duplicates these events itself.
        this.reminderSent = Subscription.inBatches("complaint.reminder-sent", ReminderSent.class, history::recordOutcomes).deduplicatedByItsRows();
        this.paymentMissed = Subscription.inBatches("complaint.payment-missed", PaymentMissed.class, history::recordMissed);
        this.agencyActions = Subscription.of("complaint.agency-action-reported", AgencyActionReported.class, (event, headers) -> history.record(event));
    }

    @Incoming("reminder-sent")
    @Blocking
    public void reminderSent(ConsumerRecords<String, byte[]> records) {
        intake.apply(reminderSent, records);
    }

    @Incoming("payment-missed")
    @Blocking
    public void paymentMissed(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentMissed, records);
    }

    @Incoming("agency-action-reported")
    @Blocking
    public void agencyActionReported(ConsumerRecords<String, byte[]> records) {
        intake.apply(agencyActions, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(reminderSent, paymentMissed, agencyActions);
    }
}
