package io.arrears.contact.channel;

import io.arrears.contact.config.ContactConfig;
import io.arrears.events.Channel;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The adapter for each channel, chosen by {@code contact.adapters.channels.<channel>=<adapter>}.
 * An unknown adapter name or a channel without one stops start-up, naming the key.
 */
@Startup
@ApplicationScoped
public class ChannelAdapters {

    private final Map<Channel, ChannelAdapter> byChannel = new EnumMap<>(Channel.class);

    ChannelAdapters(ContactConfig config, Instance<ChannelAdapter> adapters) {
        Map<String, ChannelAdapter> byName = adapters.stream().collect(Collectors.toMap(ChannelAdapter::name, a -> a));
        for (Channel channel : Channel.values()) {
            String key = channel.name().toLowerCase(Locale.ROOT);
            String name = config.adapters().channels().get(key);
            if (name == null) {
                throw new IllegalStateException("contact.adapters.channels." + key + " is not set; one of " + byName.keySet());
            }
            ChannelAdapter adapter = byName.get(name);
            if (adapter == null) {
                throw new IllegalStateException("contact.adapters.channels." + key + "=" + name + " is not one of " + byName.keySet());
            }
            byChannel.put(channel, adapter);
        }
    }

    public ChannelAdapter forChannel(Channel channel) {
        return byChannel.get(channel);
    }

    public List<String> describe() {
        return byChannel.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().name()).toList();
    }
}
