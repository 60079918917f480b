package io.arrears.local;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventSchemas;
import io.arrears.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes JSON events the way core banking does (CloudEvents headers added), and prints a topic as it grows. */
final class FeedTool {

    private FeedTool() {
    }

    /** {@code json} is one event, or a JSON array of events, of the topic's type. */
    static void publish(String bootstrap, String topic, String json) throws Exception {
        EventType type = EventType.forTopic(topic).orElseThrow(() -> new IllegalArgumentException("unknown topic " + topic));
        var tree = EventJson.mapper().readTree(json);
        List<com.fasterxml.jackson.databind.JsonNode> bodies = tree.isArray()
                ? java.util.stream.StreamSupport.stream(tree.spliterator(), false).toList() : List.of(tree);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (var body : bodies) {
                EventSchemas.requireValid(type, body);
                Event event = EventJson.bind(body, type.recordClass());
                CloudEventHeaders ce = CloudEventHeaders.forNewEvent(event, "/corebanking/local", OffsetDateTime.now());
                RecordHeaders headers = new RecordHeaders();
                ce.toMap().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(topic, null, event.key(), EventJson.write(event), headers)).get();
                System.out.println("published " + ce.type() + " " + ce.id() + " key " + event.key());
            }
        }
    }

    static void watch(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "arrears-watch-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            while (true) {
                consumer.poll(Duration.ofSeconds(1)).forEach(r ->
                        System.out.println(r.key() + " " + new String(r.value(), StandardCharsets.UTF_8)));
            }
        }
    }
}
