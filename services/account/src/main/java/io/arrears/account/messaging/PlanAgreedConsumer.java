package io.arrears.account.messaging;

import io.arrears.account.plans.PlanService;
import io.arrears.events.PlanAgreed;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

@ApplicationScoped
public class PlanAgreedConsumer implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<PlanAgreed> planAgreed;

    PlanAgreedConsumer(EventIntake intake, PlanService plans) {
        this.intake = intake;
        this.planAgreed = Subscription.of("account.plans-agreed", PlanAgreed.class, (event, headers) -> plans.record(event));
    }

    @Incoming("plans-agreed")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply(planAgreed, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(planAgreed);
    }
}
