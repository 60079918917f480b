package io.arrears.messaging;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventSchemas;
import io.arrears.events.EventType;
import io.arrears.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

/**
 * Where a service puts what it wants to say, inside the transaction that changes its state. Nothing
 * here talks to Kafka: the {@link OutboxRelay} does that after commit, so state and events never disagree.
 */
@ApplicationScoped
public class Outbox {

    public static final String DLQ_REASON = "dlq-reason";
    public static final String DLQ_ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String DLQ_CONSUMER = "dlq-consumer";
    public static final String DLQ_FAILED_AT = "dlq-failed-at";
    public static final String DLQ_ORIGINAL_KEY_BASE64 = "dlq-original-key-base64";
    public static final String DLQ_CAUSE = "dlq-cause";

    /**
     * Why a record was dead-lettered. Only a refusal leaves the event in the consumer's inbox, which a
     * replay must then set aside to let the consumer try again.
     */
    public enum DeadLetterCause {
        /** The service refused the event as bad input ({@link Outcome.Rejected}). */
        REFUSED,
        /** The record does not meet its contract (headers, source, schema). */
        UNREADABLE,
        /** Applying it threw, again and again, on its own. */
        FAILED
    }

    private static final String INSERT =
            "insert into outbox (topic, record_key, headers, payload, created_at) values (?, ?, cast(? as jsonb), ?, ?)";

    private final RowsAtCommit rows;
    private final MessagingConfig config;
    private final Clock clock;

    public Outbox(RowsAtCommit rows, MessagingConfig config, Clock clock) {
        this.rows = rows;
        this.config = config;
        this.clock = clock;
    }

    /** Queues {@code event} for publication on its topic; returns its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String add(Event event) {
        EventType type = EventType.of(event);
        if (config.validateOutgoing()) {
            EventSchemas.requireValid(type, EventJson.tree(event));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(event, config.source(), now);
        insert(type.topic(), event.key(), headers.toMap(), EventJson.write(event), now);
        return headers.id();
    }

    /** Queues an unusable record for {@code <topic>.dlq}, unchanged, with the reason in its headers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadLetter(ConsumerRecord<String, byte[]> record, String consumer, DeadLetterCause cause, String reason) {
        // Whatever the record holds goes on unchanged (OutboxHeaders keeps bytes that are not text);
        // only what we add is made printable, so that dead-lettering itself cannot fail.
        Map<String, String> headers = OutboxHeaders.fromKafka(record.headers());
        OffsetDateTime now = OffsetDateTime.now(clock);
        headers.put(DLQ_REASON, OutboxHeaders.printable(Redact.text(reason), 2000));
        headers.put(DLQ_ORIGINAL_TOPIC, record.topic());
        headers.put(DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        headers.put(DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
        headers.put(DLQ_CONSUMER, OutboxHeaders.printable(consumer, 100));
        headers.put(DLQ_CAUSE, cause.name());
        headers.put(DLQ_FAILED_AT, now.toString());
        String key = record.key();
        if (key != null && key.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold NUL: the dead letter is keyed without it, the original key rides along.
            headers.put(DLQ_ORIGINAL_KEY_BASE64, Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
            key = key.replace('\u0000', '?');
        }
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        insert(Topics.deadLetter(record.topic()), key, headers, payload, now);
    }

    /**
     * One row, written with the transaction's other outbox rows in one batch as it commits: the identity
     * id follows the order rows are added in, which the relay publishes in. Nothing reads the row back
     * in the transaction, so it needs no entity: that would cost the session a managed copy and its dirty check.
     */
    private void insert(String topic, String key, Map<String, String> headers, byte[] payload, OffsetDateTime createdAt) {
        rows.add(INSERT, topic, key, new String(EventJson.write(headers), StandardCharsets.UTF_8), payload, createdAt);
    }
}
