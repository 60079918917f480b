package io.arrears.account.messaging;

import io.arrears.account.service.PlanService;
import io.arrears.events.PlanAgreed;
import io.arrears.messaging.EventIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PlanAgreedConsumer {

    private final EventIntake intake;
    private final PlanService plans;

    PlanAgreedConsumer(EventIntake intake, PlanService plans) {
        this.intake = intake;
        this.plans = plans;
    }

    @Incoming("plans-agreed")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply("account.plans-agreed", records, PlanAgreed.class, (event, headers) -> plans.record(event));
    }
}
