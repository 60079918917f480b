package io.arrears.local.demo;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Core banking's side of the feed topics: events with their CloudEvents headers, as the bank's systems publish them. */
public final class Feed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String source;
    private final Clock clock;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public Feed(String bootstrap, String source, Clock clock) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        this.source = source;
        this.clock = clock;
    }

    /** Sends {@code event} to its topic; returns its CloudEvents id. */
    public String send(Event event) {
        CloudEventHeaders ce = CloudEventHeaders.forNewEvent(event, source, OffsetDateTime.now(clock));
        producer.send(new ProducerRecord<>(EventType.of(event).topic(), null, event.key(), EventJson.write(event), headers(ce)), this::sent);
        return ce.id();
    }

    /**
     * A body as a faulty upstream system might write it, unchecked, in the envelope a good one gets:
     * this feed's CloudEvents headers for {@code type}. Returns its CloudEvents id.
     */
    public String sendBody(EventType type, String key, byte[] body) {
        CloudEventHeaders ce = new CloudEventHeaders(UUID.randomUUID().toString(), source, type.ceType(), OffsetDateTime.now(clock), key);
        producer.send(new ProducerRecord<>(type.topic(), null, key, body, headers(ce)), this::sent);
        return ce.id();
    }

    private static RecordHeaders headers(CloudEventHeaders ce) {
        RecordHeaders headers = new RecordHeaders();
        ce.toMap().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** Waits until everything sent so far is on the broker; a record the broker refused is an error here. */
    public void flush() {
        producer.flush();
        Exception refused = failure.getAndSet(null);
        if (refused != null) {
            throw new IllegalStateException("the broker refused a feed record: " + refused.getMessage(), refused);
        }
    }

    private void sent(RecordMetadata metadata, Exception e) {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    }

    /** Sends and waits for the broker's acknowledgement. */
    public String sendNow(Event event) {
        String id = send(event);
        flush();
        return id;
    }

    @Override
    public void close() {
        producer.close();
    }
}
