package io.arrears.account.messaging;

import io.arrears.account.service.StatementService;
import io.arrears.events.StatementIssued;
import io.arrears.messaging.EventIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class StatementConsumer {

    private final EventIntake intake;
    private final StatementService statements;

    StatementConsumer(EventIntake intake, StatementService statements) {
        this.intake = intake;
        this.statements = statements;
    }

    @Incoming("statements")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply("account.statements", records, StatementIssued.class, (event, headers) -> statements.record(event));
    }
}
