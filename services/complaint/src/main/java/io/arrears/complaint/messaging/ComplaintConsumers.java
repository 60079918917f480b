package io.arrears.complaint.messaging;

import io.arrears.complaint.evidence.ContactHistory;
import io.arrears.events.PaymentMissed;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.EventIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The evidence the complaint service keeps: every contact outcome and the latest case facts per account. */
@ApplicationScoped
public class ComplaintConsumers {

    private final EventIntake intake;
    private final ContactHistory history;

    ComplaintConsumers(EventIntake intake, ContactHistory history) {
        this.intake = intake;
        this.history = history;
    }

    @Incoming("reminder-sent")
    @Blocking
    public void reminderSent(ConsumerRecords<String, byte[]> records) {
        intake.apply("complaint.reminder-sent", records, ReminderSent.class, (event, headers) -> history.record(event));
    }

    @Incoming("payment-missed")
    @Blocking
    public void paymentMissed(ConsumerRecords<String, byte[]> records) {
        intake.apply("complaint.payment-missed", records, PaymentMissed.class, (event, headers) -> history.record(event));
    }
}
