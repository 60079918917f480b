package io.arrears.local;

import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventSchemas;
import io.arrears.events.EventType;
import io.arrears.local.demo.Feed;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
        try (Feed feed = new Feed(bootstrap, "/corebanking/local", Clock.systemUTC())) {
            for (var body : bodies) {
                EventSchemas.requireValid(type, body);
                Event event = EventJson.bind(body, type.recordClass());
                System.out.println("published " + type.ceType() + " " + feed.sendNow(event) + " key " + event.key());
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
