package io.arrears.messaging;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Topics;
import io.quarkus.arc.All;
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
import org.apache.kafka.common.record.TimestampType;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies dead letters again, once their cause is fixed (a release, a corrected reference record):
 * each record of {@code <topic>.dlq} up to the end the topic had when asked, that one of this service's
 * own consumers dead-lettered, is handed to that consumer again as if it were the original record, in
 * its own transaction. Nothing is republished: a service may write only the topics it owns, and the
 * other consumers of the original topic never refused it. What each replay came to is kept in
 * {@code dead_letter_replay} with who asked; a dead letter once applied is not tried again, one still
 * unusable may be tried again after the next fix.
 *
 * <p>A dead letter older than the inbox's memory is not replayed: the consumer may have applied the same
 * event from another record and forgotten it since, and would apply it twice.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final List<String> FINAL = List.of(Result.APPLIED.name(), Result.ALREADY_APPLIED.name());

    private final EntityManager entityManager;
    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig config;
    private final Clock clock;
    private final EventIntake intake;
    private final List<Subscriptions> consumers;

    public DeadLetterReplay(EntityManager entityManager, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            MessagingConfig config, Clock clock, EventIntake intake, @All List<Subscriptions> consumers) {
        this.entityManager = entityManager;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.clock = clock;
        this.intake = intake;
        this.consumers = consumers;
    }

    /** What became of one dead letter in a replay. */
    public enum Result { APPLIED, ALREADY_APPLIED, STILL_UNUSABLE, SKIPPED }

    /**
     * What one replay did: dead letters applied now, found applied already (by an earlier replay or since),
     * still unusable or skipped (each with why), and those dead-lettered by another service's consumers,
     * which that service replays.
     */
    public record Report(String dlqTopic, int applied, int alreadyApplied, int stillUnusable, int skipped,
                         int otherServices, List<String> notApplied) {
    }

    public Report replay(String dlqTopic, String by) {
        if (!dlqTopic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(dlqTopic + " is not a dead-letter topic (it must end in " + Topics.DEAD_LETTER_SUFFIX + ")");
        }
        Map<String, Subscription<?>> subscriptions = new HashMap<>();
        consumers.forEach(c -> c.subscriptions().forEach(s -> subscriptions.put(s.consumer(), s)));
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        int otherServices = 0;
        List<String> notApplied = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(dlqTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> dead : consumer.poll(Duration.ofSeconds(1))) {
                    if (dead.offset() >= end.get(new TopicPartition(dead.topic(), dead.partition()))) {
                        continue;
                    }
                    DeadLetter letter = DeadLetter.of(dead);
                    Subscription<?> subscription = subscriptions.get(letter.consumer());
                    if (subscription == null) {
                        otherServices++;
                        continue;
                    }
                    Attempt attempt = replayOne(letter, subscription, by);
                    counts.merge(attempt.outcome(), 1, Integer::sum);
                    if (attempt.detail() != null) {
                        notApplied.add(letter.position() + ": " + attempt.detail());
                    }
                }
            }
        }
        Report report = new Report(dlqTopic, counts.getOrDefault(Result.APPLIED, 0), counts.getOrDefault(Result.ALREADY_APPLIED, 0),
                counts.getOrDefault(Result.STILL_UNUSABLE, 0), counts.getOrDefault(Result.SKIPPED, 0), otherServices, notApplied);
        LOG.infof("%s replayed %s: %d applied, %d applied before, %d still unusable, %d skipped, %d for other services",
                by, dlqTopic, report.applied(), report.alreadyApplied(), report.stillUnusable(), report.skipped(), otherServices);
        return report;
    }

    private record Attempt(Result outcome, String detail) {
    }

    private Attempt replayOne(DeadLetter letter, Subscription<?> subscription, String by) {
        Attempt attempt;
        try {
            attempt = QuarkusTransaction.requiringNew().call(() -> {
                String earlier = earlierOutcome(letter);
                if (earlier != null && FINAL.contains(earlier)) {
                    return new Attempt(Result.ALREADY_APPLIED, null);
                }
                String tooOld = tooOld(letter.failedAt());
                if (tooOld != null) {
                    record(letter, Result.SKIPPED, tooOld, by);
                    return new Attempt(Result.SKIPPED, tooOld);
                }
                EventIntake.Reapplied result = intake.reapply(subscription, letter.original(), letter.cause());
                if (result instanceof EventIntake.Reapplied.StillUnusable unusable) {
                    throw new StillUnusable(Redact.text(unusable.reason()));
                }
                Result outcome = result instanceof EventIntake.Reapplied.Applied ? Result.APPLIED : Result.ALREADY_APPLIED;
                record(letter, outcome, null, by);
                return new Attempt(outcome, null);
            });
        } catch (StillUnusable e) {
            attempt = new Attempt(Result.STILL_UNUSABLE, e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            attempt = new Attempt(Result.STILL_UNUSABLE, Redact.text("processing failed: " + e));
        }
        if (attempt.outcome() == Result.STILL_UNUSABLE) {
            // The attempt's own transaction rolled back whatever it wrote; only the fact of it is kept.
            Attempt failed = attempt;
            QuarkusTransaction.requiringNew().run(() -> record(letter, failed.outcome(), failed.detail(), by));
        }
        return attempt;
    }

    /** Rolls back an attempt whose dead letter is still unusable. */
    private static final class StillUnusable extends RuntimeException {
        StillUnusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private String earlierOutcome(DeadLetter letter) {
        List<?> rows = entityManager.createNativeQuery("""
                        select outcome from dead_letter_replay where dlq_topic = ?1 and dlq_partition = ?2 and dlq_offset = ?3
                        for update""")
                .setParameter(1, letter.dead().topic()).setParameter(2, letter.dead().partition()).setParameter(3, letter.dead().offset())
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private void record(DeadLetter letter, Result outcome, String detail, String by) {
        ConsumerRecord<String, byte[]> dead = letter.dead();
        entityManager.createNativeQuery("""
                        insert into dead_letter_replay (dlq_topic, dlq_partition, dlq_offset, original_topic, event_id, dlq_reason,
                                                        outcome, detail, replayed_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (dlq_topic, dlq_partition, dlq_offset) do update
                        set outcome = excluded.outcome, detail = excluded.detail, replayed_by = excluded.replayed_by, replayed_at = now()""")
                .setParameter(1, dead.topic()).setParameter(2, dead.partition()).setParameter(3, dead.offset())
                .setParameter(4, letter.original().topic())
                .setParameter(5, letter.eventId() == null ? null : OutboxHeaders.printable(letter.eventId(), 255))
                .setParameter(6, letter.reason()).setParameter(7, outcome.name())
                .setParameter(8, detail == null ? null : OutboxHeaders.printable(detail, 2000))
                .setParameter(9, OutboxHeaders.printable(by, 200))
                .executeUpdate();
    }

    /** A record of a dead-letter topic, and the original record it stands for. */
    private record DeadLetter(ConsumerRecord<String, byte[]> dead, ConsumerRecord<String, byte[]> original, String consumer,
                              Outbox.DeadLetterCause cause, String reason, String failedAt, String eventId) {

        static DeadLetter of(ConsumerRecord<String, byte[]> dead) {
            Map<String, String> dlq = new HashMap<>();
            RecordHeaders headers = new RecordHeaders();
            for (Header header : dead.headers()) {
                if (header.key().startsWith("dlq-")) {
                    dlq.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                } else {
                    headers.add(header);
                }
            }
            String topic = dlq.getOrDefault(Outbox.DLQ_ORIGINAL_TOPIC,
                    dead.topic().substring(0, dead.topic().length() - Topics.DEAD_LETTER_SUFFIX.length()));
            String key = dlq.containsKey(Outbox.DLQ_ORIGINAL_KEY_BASE64)
                    ? new String(Base64.getDecoder().decode(dlq.get(Outbox.DLQ_ORIGINAL_KEY_BASE64)), StandardCharsets.UTF_8)
                    : dead.key();
            byte[] body = dead.value() == null ? new byte[0] : dead.value();
            ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(topic, intOr(dlq.get(Outbox.DLQ_ORIGINAL_PARTITION), -1),
                    longOr(dlq.get(Outbox.DLQ_ORIGINAL_OFFSET), -1L), dead.timestamp(), TimestampType.CREATE_TIME,
                    ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, body, headers, Optional.empty());
            Header id = headers.lastHeader(CloudEventHeaders.ID);
            // A dead letter from before causes were recorded is treated as unreadable: its inbox entry, if any,
            // is left alone, so it can at worst be reported as applied already, never applied twice.
            Outbox.DeadLetterCause cause = Outbox.DeadLetterCause.UNREADABLE;
            try {
                cause = Outbox.DeadLetterCause.valueOf(dlq.getOrDefault(Outbox.DLQ_CAUSE, "UNREADABLE"));
            } catch (IllegalArgumentException e) {
                // unknown: as above
            }
            return new DeadLetter(dead, original, dlq.getOrDefault(Outbox.DLQ_CONSUMER, ""), cause, dlq.get(Outbox.DLQ_REASON),
                    dlq.get(Outbox.DLQ_FAILED_AT), id == null ? null : new String(id.value(), StandardCharsets.UTF_8));
        }

        String position() {
            return dead.topic() + "/" + dead.partition() + "/" + dead.offset();
        }

        private static int intOr(String text, int fallback) {
            try {
                return text == null ? fallback : Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        private static long longOr(String text, long fallback) {
            try {
                return text == null ? fallback : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
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
