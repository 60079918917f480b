package io.arrears.messaging;

import io.arrears.events.Topics;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * How long a consumer's fetch waits on the broker, by the topics it reads. On a statement day the topics that come
 * in bulk always have a record waiting: answered at the first byte, a consumer there would read a few records at a
 * time, each read a transaction with its inbox statement, its locks and its commit, so a fetch there waits for 64 KB
 * or 100 ms (this library's defaults, which a channel may change). Every other topic is quiet on any day
 * (complaints, plans, agency reports): a consumer there is answered at the first record and otherwise waits Kafka's
 * own half second, so a complaint's hold arrives at once, and an idle consumer asks the broker twice a second
 * instead of ten times (bench/README.md, "Quiet topics").
 */
@ApplicationScoped
public class FetchByVolume implements ClientCustomizer<Map<String, Object>> {

    static final Set<String> BULK = Set.of(Topics.STATEMENTS, Topics.PAYMENTS, Topics.CUSTOMERS, Topics.PAYMENT_DUE_SOON,
            Topics.PAYMENT_MISSED, Topics.PAYMENT_RECEIVED, Topics.REMINDER_REQUESTED, Topics.REMINDER_SENT);

    private static final int QUIET_WAIT_MS = 500;

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG) || topicsOf(channel, channelConfig).stream().anyMatch(BULK::contains)) {
            return config;
        }
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, QUIET_WAIT_MS);
        return config;
    }

    /** The channel's {@code topic}, or each of its {@code topics}; the channel's name where neither is set. */
    private static Set<String> topicsOf(String channel, Config channelConfig) {
        return channelConfig.getOptionalValue("topics", String.class)
                .or(() -> channelConfig.getOptionalValue("topic", String.class))
                .map(names -> Set.copyOf(Arrays.stream(names.split(",")).map(String::trim).toList()))
                .orElse(Set.of(channel));
    }
}
