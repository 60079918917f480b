package io.arrears.contact.guard;

import io.arrears.events.Channel;

import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact rules of one jurisdiction, as configured under {@code contact.policy.packs.<name>}.
 *
 * @param windowStart      first local minute a cardholder may be contacted
 * @param windowEnd        first local minute they may no longer be (exclusive)
 * @param windowChannels   channels the window applies to; a letter is not a contact at a time of day
 * @param dailyCap         attempts per account and local day across {@code dailyCapChannels}
 * @param caps             per-channel caps over a rolling period
 * @param consentRequired  channels that need a recorded consent, not just the absence of an opt-out
 */
public record PolicyPack(String name, LocalTime windowStart, LocalTime windowEnd, Set<Channel> windowChannels, int dailyCap,
                         Set<Channel> dailyCapChannels, Map<Channel, FrequencyCap> caps, Set<Channel> consentRequired) {

    public PolicyPack {
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("pack " + name + ": window-start " + windowStart + " must be before window-end " + windowEnd);
        }
        windowChannels = Set.copyOf(windowChannels);
        dailyCapChannels = Set.copyOf(dailyCapChannels);
        caps = Map.copyOf(caps);
        consentRequired = Set.copyOf(consentRequired);
    }

    public Optional<FrequencyCap> cap(Channel channel) {
        return Optional.ofNullable(caps.get(channel));
    }
}
