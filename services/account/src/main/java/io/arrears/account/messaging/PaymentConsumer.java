package io.arrears.account.messaging;

import io.arrears.account.payments.PaymentService;
import io.arrears.events.PaymentPosted;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

@ApplicationScoped
public class PaymentConsumer implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<PaymentPosted> paymentPosted;

    PaymentConsumer(EventIntake intake, PaymentService payments) {
        this.intake = intake;
        this.paymentPosted = Subscription.of("account.payments", PaymentPosted.class, (event, headers) -> payments.record(event));
    }

    @Incoming("payments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply(paymentPosted, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(paymentPosted);
    }
}
