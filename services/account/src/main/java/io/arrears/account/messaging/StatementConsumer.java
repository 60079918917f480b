package io.arrears.account.messaging;

import io.arrears.account.statements.StatementService;
import io.arrears.events.StatementIssued;
import io.arrears.messaging.EventIntake;
import io.arrears.messaging.Subscription;
import io.arrears.messaging.Subscriptions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

@ApplicationScoped
public class StatementConsumer implements Subscriptions {

    private final EventIntake intake;
    private final Subscription<StatementIssued> statementIssued;

    StatementConsumer(EventIntake intake, StatementService statements) {
        this.intake = intake;
        this.statementIssued = Subscription.of("account.statements", StatementIssued.class, (event, headers) -> statements.record(event))
                .preparedBy(statements::beforeStatements);
    }

    @Incoming("statements")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        intake.apply(statementIssued, records);
    }

    @Override
    public List<Subscription<?>> subscriptions() {
        return List.of(statementIssued);
    }
}
