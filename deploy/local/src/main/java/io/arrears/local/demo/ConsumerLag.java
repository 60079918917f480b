package io.arrears.local.demo;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How far a service's consumer group is behind on a topic, read from the broker as an operator would. */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    public ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    public long of(String group, String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata at = committed.get(p);
            lag += Math.max(0, ends.get(p) - (at == null ? 0 : at.offset()));
        }
        return lag;
    }

    /** Waits until {@code group} has committed everything on {@code topic}; false if {@code bound} passed first. */
    public boolean awaitCaughtUp(String group, String topic, Duration bound) throws ExecutionException, InterruptedException {
        Instant giveUp = Instant.now().plus(bound);
        while (of(group, topic) > 0) {
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    @Override
    public void close() {
        admin.close();
    }
}
