package io.arrears.complaint.evidence;

import io.arrears.events.Channel;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

/** The contact rules complaints are judged against, as configured under {@code complaint.evidence.*}. */
public record ContactRules(LocalTime windowStart, LocalTime windowEnd, Set<Channel> windowChannels, Map<Channel, Cap> caps) {

    public record Cap(int max, Duration per) {
    }

    public ContactRules {
        windowChannels = Set.copyOf(windowChannels);
        caps = Map.copyOf(caps);
    }
}
