package io.arrears.testing;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes records the way an upstream system or another service would: CloudEvents headers, JSON body. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    /** Publishes {@code event} on its topic with a fresh {@code ce_id}, which it returns. */
    public static String publish(Event event) {
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(event, sourceOf(event), OffsetDateTime.now());
        publish(EventType.of(event).topic(), event.key(), headers.toMap(), EventJson.write(event));
        return headers.id();
    }

    /**
     * Publishes these events, each with a fresh {@code ce_id}, through one producer and in one go, so that a
     * consumer polling meanwhile is likely to get many of them in one batch, as from an upstream system's burst.
     */
    public static void publishAll(List<? extends Event> events) {
        Map<String, List<Event>> byTopic = new java.util.LinkedHashMap<>();
        events.forEach(e -> byTopic.computeIfAbsent(EventType.of(e).topic(), t -> new java.util.ArrayList<>()).add(e));
        byTopic.forEach((topic, ofTopic) -> {
            List<ProducerRecord<String, byte[]>> records = ofTopic.stream().map(event -> {
                RecordHeaders headers = new RecordHeaders();
                CloudEventHeaders.forNewEvent(event, sourceOf(event), OffsetDateTime.now()).toMap()
                        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                return new ProducerRecord<>(topic, null, event.key(), EventJson.write(event), headers);
            }).toList();
            send(topic, records);
        });
    }

    /** Publishes {@code event} as written at {@code time} ({@code ce_time}), as a service that wrote it then would. */
    public static String publishAt(Event event, OffsetDateTime time) {
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(event, sourceOf(event), time);
        publish(EventType.of(event).topic(), event.key(), headers.toMap(), EventJson.write(event));
        return headers.id();
    }

    /** Publishes {@code event} again with a given {@code ce_id}, as a redelivering producer would. */
    public static void publish(Event event, String ceId) {
        CloudEventHeaders fresh = CloudEventHeaders.forNewEvent(event, sourceOf(event), OffsetDateTime.now());
        CloudEventHeaders headers = new CloudEventHeaders(ceId, fresh.source(), fresh.type(), fresh.time(), fresh.subject());
        publish(EventType.of(event).topic(), event.key(), headers.toMap(), EventJson.write(event));
    }

    /** As its producer would publish it: a core banking system, or the service that owns the event. */
    public static String sourceOf(Event event) {
        String producer = EventType.of(event).producer();
        return producer.endsWith("/") ? producer + "test" : producer;
    }

    /** Publishes {@code event} as {@code source} says it comes from, as an impostor might. */
    public static String publishFrom(String source, Event event) {
        CloudEventHeaders headers = CloudEventHeaders.forNewEvent(event, source, OffsetDateTime.now());
        publish(EventType.of(event).topic(), event.key(), headers.toMap(), EventJson.write(event));
        return headers.id();
    }

    public static void publish(String topic, String key, Map<String, String> headers, byte[] body) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        publish(topic, key, kafkaHeaders, body);
    }

    /** Publishes a record exactly as given, header bytes included, as a misbehaving producer might. */
    public static void publish(String topic, String key, Headers headers, byte[] body) {
        send(topic, List.of(new ProducerRecord<>(topic, null, key, body, headers)));
    }

    private static void send(String topic, List<ProducerRecord<String, byte[]>> records) {
        // On a secured broker core banking's records come from core banking's own principal, as in production.
        boolean coreBanking = topic.startsWith("corebanking.") && !topic.endsWith(".dlq");
        Map<String, Object> settings = new java.util.HashMap<>(coreBanking
                ? TestInfrastructure.kafkaClientSettings("corebanking") : TestInfrastructure.kafkaClientSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (java.util.concurrent.Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }
}
