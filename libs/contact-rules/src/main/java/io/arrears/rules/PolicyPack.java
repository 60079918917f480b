package io.arrears.rules;

import io.arrears.events.Channel;

import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact rules of one jurisdiction, as configured under {@code arrears.policy.packs.<name>}.
 *
 * @param windowStart      first local minute a cardholder may be contacted
 * @param windowEnd        first local minute they may no longer be (exclusive)
 * @param windowChannels   channels the window applies to; a letter is not a contact at a time of day
 * @param dailyCap         attempts per account and local day across {@code dailyCapChannels}
 * @param caps             per-channel caps over a rolling period
 * @param consentRequired  channels that need a recorded consent, not just the absence of an opt-out
 * @param law              the rules the jurisdiction fixes, which the configuration cannot widen
 */
public record PolicyPack(String name, LocalTime windowStart, LocalTime windowEnd, Set<Channel> windowChannels, int dailyCap,
                         Set<Channel> dailyCapChannels, Map<Channel, FrequencyCap> caps, Set<Channel> consentRequired,
                         StatutoryRules law) {

    public PolicyPack {
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("pack " + name + ": window-start " + windowStart + " must be before window-end " + windowEnd);
        }
        if (windowStart.isBefore(law.lawfulFrom()) || windowEnd.isAfter(law.lawfulUntil())) {
            throw new IllegalArgumentException("pack " + name + ": the window " + windowStart + "-" + windowEnd
                    + " is wider than the lawful hours " + law.lawfulFrom() + "-" + law.lawfulUntil());
        }
        windowChannels = Set.copyOf(windowChannels);
        dailyCapChannels = Set.copyOf(dailyCapChannels);
        caps = Map.copyOf(caps);
        consentRequired = Set.copyOf(consentRequired);
    }

    /** A pack with no statutory rules beyond its configuration. */
    public PolicyPack(String name, LocalTime windowStart, LocalTime windowEnd, Set<Channel> windowChannels, int dailyCap,
                      Set<Channel> dailyCapChannels, Map<Channel, FrequencyCap> caps, Set<Channel> consentRequired) {
        this(name, windowStart, windowEnd, windowChannels, dailyCap, dailyCapChannels, caps, consentRequired, StatutoryRules.NONE);
    }

    public Optional<FrequencyCap> cap(Channel channel) {
        return Optional.ofNullable(caps.get(channel));
    }
}
