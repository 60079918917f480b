package io.arrears.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Ready means able to do the work: every consumer has joined its group (so it reads), and some
 * replica's relay holds the outbox leadership (so what the service writes leaves). A connected but
 * unassigned consumer looks healthy to the Kafka connector's own check; it is not ready here.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    private final OutboxRelay relay;
    private final ConsumerAssignments assignments;
    private final KafkaClientService clients;

    public MessagingReadiness(OutboxRelay relay, @Identifier(ConsumerAssignments.NAME) ConsumerAssignments assignments,
                              KafkaClientService clients) {
        this.relay = relay;
        this.assignments = assignments;
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> waiting = clients.getConsumerChannels().stream().sorted()
                .filter(channel -> !assignments.hasJoined(clients.getConsumer(channel).unwrap())).toList();
        boolean relayKnown = relay.leaderKnown();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("arrears-messaging")
                .status(relayKnown && waiting.isEmpty())
                .withData("relay", relay.isLeader() ? "active here" : relayKnown ? "active on another replica" : "no relay leader known")
                .withData("consumers", waiting.isEmpty() ? "every channel has joined its group"
                        : "waiting for a partition assignment: " + String.join(", ", waiting));
        return response.build();
    }
}
