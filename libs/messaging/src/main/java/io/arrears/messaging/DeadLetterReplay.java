package io.arrears.messaging;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts dead letters back on the topic they came from, once their cause is fixed: each record of
 * {@code <topic>.dlq} up to the end the topic had when asked, unless this service replayed it
 * before, with its original key, headers and body, through the outbox (so a replay is itself
 * exactly once), and a row in {@code dead_letter_replay} saying who replayed what.
 *
 * <p>A dead letter older than the inbox's memory is not replayed: another service may have applied
 * the same event and forgotten it since, and would apply it again.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    private final EntityManager entityManager;
    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig config;
    private final Clock clock;

    public DeadLetterReplay(EntityManager entityManager, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            MessagingConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.clock = clock;
    }

    /** What one replay did. */
    public record Report(String dlqTopic, int replayed, int alreadyReplayed, int skipped, List<String> skippedWhy) {
    }

    public Report replay(String dlqTopic, String by) {
        if (!dlqTopic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(dlqTopic + " is not a dead-letter topic (it must end in " + Topics.DEAD_LETTER_SUFFIX + ")");
        }
        int replayed = 0;
        int already = 0;
        List<String> skipped = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofSeconds(1)).forEach(r -> {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        batch.add(r);
                    }
                });
                int[] counts = QuarkusTransaction.requiringNew().call(() -> replayBatch(batch, by, skipped));
                replayed += counts[0];
                already += counts[1];
            }
        }
        LOG.infof("%s replayed %s: %d replayed, %d replayed before, %d skipped", by, dlqTopic, replayed, already, skipped.size());
        return new Report(dlqTopic, replayed, already, skipped.size(), skipped);
    }

    private int[] replayBatch(List<ConsumerRecord<String, byte[]>> batch, String by, List<String> skipped) {
        int replayed = 0;
        int already = 0;
        for (ConsumerRecord<String, byte[]> dead : batch) {
            Map<String, String> dlq = new HashMap<>();
            RecordHeaders original = new RecordHeaders();
            for (Header header : dead.headers()) {
                if (header.key().startsWith("dlq-")) {
                    dlq.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                } else {
                    original.add(header);
                }
            }
            String originalTopic = dlq.getOrDefault(Outbox.DLQ_ORIGINAL_TOPIC, dead.topic().substring(0, dead.topic().length() - Topics.DEAD_LETTER_SUFFIX.length()));
            String tooOld = tooOld(dlq.get(Outbox.DLQ_FAILED_AT));
            String outcome = tooOld == null ? "REPLAYED" : "SKIPPED";
            Header id = original.lastHeader(CloudEventHeaders.ID);
            int inserted = entityManager.createNativeQuery("""
                            insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, original_topic, event_id, dlq_reason,
                                                            outcome, detail, replayed_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict do nothing""")
                    .setParameter(1, dead.topic()).setParameter(2, dead.partition()).setParameter(3, dead.offset())
                    .setParameter(4, originalTopic)
                    .setParameter(5, id == null ? null : OutboxHeaders.printable(new String(id.value(), StandardCharsets.UTF_8), 255))
                    .setParameter(6, dlq.get(Outbox.DLQ_REASON)).setParameter(7, outcome).setParameter(8, tooOld)
                    .setParameter(9, OutboxHeaders.printable(by, 200))
                    .executeUpdate();
            if (inserted == 0) {
                already++;
            } else if (tooOld != null) {
                skipped.add(dead.topic() + "/" + dead.partition() + "/" + dead.offset() + ": " + tooOld);
            } else {
                String key = dlq.containsKey(Outbox.DLQ_ORIGINAL_KEY_BASE64)
                        ? new String(Base64.getDecoder().decode(dlq.get(Outbox.DLQ_ORIGINAL_KEY_BASE64)), StandardCharsets.UTF_8)
                        : dead.key();
                byte[] body = dead.value() == null ? new byte[0] : dead.value();
                entityManager.persist(new OutboxMessage(originalTopic, key, OutboxHeaders.fromKafka(original), body, OffsetDateTime.now(clock)));
                replayed++;
            }
        }
        return new int[] {replayed, already};
    }

    private String tooOld(String failedAt) {
        if (failedAt == null) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(failedAt);
            if (at.plus(config.inbox().retention()).isBefore(OffsetDateTime.now(clock))) {
                return "dead-lettered " + failedAt + ", longer ago than the inbox remembers (" + config.inbox().retention()
                        + "); replaying could apply it twice elsewhere";
            }
            return null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(settings);
    }
}
