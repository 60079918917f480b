package io.arrears.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One record waiting to be published. Identity ids (not a pooled sequence) because the relay
 * publishes in id order, and ids must follow insertion order across every replica.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(name = "record_key", updatable = false)
    String key;

    /** A JSON object of header name to text value; written by us so no JSON mapper configuration can alter it. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, updatable = false)
    String headers;

    @Column(nullable = false, updatable = false)
    byte[] payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    OffsetDateTime createdAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String topic, String key, Map<String, String> headers, byte[] payload, OffsetDateTime createdAt) {
        this.topic = topic;
        this.key = key;
        this.headers = new String(io.arrears.events.EventJson.write(headers), java.nio.charset.StandardCharsets.UTF_8);
        this.payload = payload;
        this.createdAt = createdAt;
    }
}
