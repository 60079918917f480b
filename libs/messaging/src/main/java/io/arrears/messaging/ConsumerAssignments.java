package io.arrears.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which Kafka consumers have joined their group: Kafka calls {@code onPartitionsAssigned}
 * after every rebalance, with no partitions when a group has more members than partitions. A
 * connected consumer that has not joined yet reads nothing, so until then the service is not ready.
 * Every channel uses it ({@code consumer-rebalance-listener.name} in this library's defaults).
 */
@ApplicationScoped
@Identifier(ConsumerAssignments.NAME)
public class ConsumerAssignments implements KafkaConsumerRebalanceListener {

    static final String NAME = "arrears-assignments";

    private final Set<Consumer<?, ?>> joined = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.add(consumer);
    }

    boolean hasJoined(Consumer<?, ?> consumer) {
        return joined.contains(consumer);
    }
}
