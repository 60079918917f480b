package io.arrears.testing;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads what a service publishes on a topic, from the moment the probe is opened: records that
 * were on the topic before are not seen, so tests sharing one broker do not see each other's output.
 */
public final class TopicProbe implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String topic, boolean fromStart) {
        this.topic = topic;
        Map<String, Object> settings = new java.util.HashMap<>(TestInfrastructure.kafkaClientSettings());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings);
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            return infos != null && !infos.isEmpty();
        });
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    public static TopicProbe open(String topic) {
        return new TopicProbe(topic, false);
    }

    /** A probe that also sees what was published before it opened; match on something unique to the test. */
    public static TopicProbe openFromStart(String topic) {
        return new TopicProbe(topic, true);
    }

    /** Waits (bounded) until at least one record matches, and returns every matching record seen. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            drain();
            return seen.stream().anyMatch(match);
        });
        return matching(match);
    }

    /** Waits (bounded) for an event of this type whose record matches, and returns all such events seen. */
    public <T extends Event> List<T> awaitEvents(Class<T> type, Predicate<T> match, int atLeast, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            drain();
            return events(type, match).size() >= atLeast;
        });
        return events(type, match);
    }

    /** Everything matching that has arrived so far, after one more poll. */
    public <T extends Event> List<T> events(Class<T> type, Predicate<T> match) {
        drain();
        return seen.stream().map(r -> EventJson.bind(EventJson.parse(r.value()), type)).filter(match).toList();
    }

    public List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match) {
        drain();
        return seen.stream().filter(match).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String ceId(ConsumerRecord<?, ?> record) {
        return header(record, CloudEventHeaders.ID);
    }

    private void drain() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
