package io.arrears.account.endofday;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whether the end-of-day run may announce its next chunk, judged on how far behind the services that act
 * on its announcements are. Announcing no faster than they act keeps the day's queue here, in accounts not
 * yet reviewed, rather than in their topics: an account is then reviewed just before its reminders can
 * leave, with the payments and complaints that came in meanwhile, and a reminder already requested waits
 * seconds, not a minute, in which nothing can stop it.
 *
 * <p>A backlog that stops shrinking for {@code stall} means a service that is down or stuck, not busy; the
 * run then goes on as if unpaced (its events wait in Kafka, as they would have) until the backlog falls
 * below where it stalled. An unknown backlog never holds the run.
 */
final class BacklogRule {

    /** STALLED is given once, as a stall begins; while it lasts the run is told GO. */
    enum Verdict { GO, WAIT, STALLED }

    private final Map<String, Long> limits;
    private final Duration stall;
    private long lowest = Long.MAX_VALUE;
    private Instant shrankAt;
    private boolean stalled;

    /** @param limits for each consumer group, the most records it may have left to take before the run waits */
    BacklogRule(Map<String, Long> limits, Duration stall) {
        this.limits = Map.copyOf(limits);
        this.stall = stall;
    }

    Verdict judge(Map<String, OptionalLong> behind, Instant now) {
        long over = 0;
        boolean anyOver = false;
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            OptionalLong reading = behind.getOrDefault(limit.getKey(), OptionalLong.empty());
            if (reading.isPresent() && reading.getAsLong() > limit.getValue()) {
                anyOver = true;
                over += reading.getAsLong();
            }
        }
        if (!anyOver) {
            lowest = Long.MAX_VALUE;
            shrankAt = null;
            stalled = false;
            return Verdict.GO;
        }
        if (over < lowest) {
            lowest = over;
            shrankAt = now;
            stalled = false;
            return Verdict.WAIT;
        }
        if (stalled) {
            return Verdict.GO;
        }
        if (Duration.between(shrankAt, now).compareTo(stall) >= 0) {
            stalled = true;
            return Verdict.STALLED;
        }
        return Verdict.WAIT;
    }
}
