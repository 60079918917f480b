package io.arrears.messaging;

import io.arrears.events.Topics;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FetchByVolumeTest {

    private final FetchByVolume fetch = new FetchByVolume();

    @Test
    void aConsumerOfATopicThatComesInBulkKeepsTheBatchItsConfigurationAsksFor() {
        Map<String, Object> consumer = fetch.customize("payment-missed", channel(Map.of("topic", Topics.PAYMENT_MISSED)), consumerConfig());

        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    }

    @Test
    void aConsumerOfAQuietTopicIsAnsweredAtTheFirstRecordAndAsksLessOftenWhenNothingComes() {
        Map<String, Object> consumer = fetch.customize("complaint-opened", channel(Map.of("topic", Topics.COMPLAINT_OPENED)), consumerConfig());

        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
    }

    @Test
    void aChannelReadingSeveralTopicsKeepsItsBatchWhenAnyOfThemComesInBulk() {
        Map<String, Object> consumer = fetch.customize("outcomes", channel(Map.of("topics", Topics.COMPLAINT_OPENED + ", " + Topics.REMINDER_SENT)),
                consumerConfig());

        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
    }

    @Test
    void aChannelWithoutATopicReadsTheTopicOfItsName() {
        assertThat(fetch.customize(Topics.PAYMENTS, channel(Map.of()), consumerConfig())).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        assertThat(fetch.customize("days", channel(Map.of()), consumerConfig())).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
    }

    @Test
    void aProducerIsLeftAsItWas() {
        Map<String, Object> producer = new HashMap<>(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "x", ProducerConfig.LINGER_MS_CONFIG, 20));

        assertThat(fetch.customize("payment-missed", channel(Map.of("topic", Topics.PAYMENT_MISSED)), producer))
                .containsOnlyKeys(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.LINGER_MS_CONFIG);
    }

    private static Map<String, Object> consumerConfig() {
        return new HashMap<>(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "x", ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100));
    }

    private static Config channel(Map<String, String> attributes) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(attributes, "channel", 100)).build();
    }
}
