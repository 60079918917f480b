package io.arrears.account.messaging;

import io.arrears.account.service.PaymentService;
import io.arrears.events.PaymentPosted;
import io.arrears.messaging.EventIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PaymentConsumer {

    private final EventIntake intake;
    private final PaymentService payments;

    PaymentConsumer(EventIntake intake, PaymentService payments) {
        this.intake = intake;
        this.payments = payments;
    }

    @Incoming("payments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply("account.payments", records, PaymentPosted.class, (event, headers) -> payments.record(event));
    }
}
