package io.arrears.account.endofday;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether the end-of-day run may announce its next chunk, judged on how far behind the services that act
 * on its announcements are. Announcing no faster than they act keeps the day's queue here, in accounts not
 * yet reviewed, rather than in their topics: an account is then reviewed just before its reminders can
 * leave, with the payments and complaints that came in meanwhile, and a reminder already requested waits
 * seconds, not a minute, in which nothing can stop it.
 *
 * <p>Two limits, either of which holds the run. Each group's backlog in records, a ceiling whatever its
 * pace. And, when a {@code queueTime} is given, the time a new announcement would wait behind the ones
 * already made: each group's backlog at its own recent pace ({@link DrainRate}), summed, as the services
 * stand in series. That one is the limit that matters to a cardholder, and it suits any box and any number
 * of replicas, where a count of records suits the box it was measured on; a group whose pace is not yet
 * known counts only against its ceiling.
 *
 * <p>A backlog that stops shrinking for {@code stall} means a service that is down or stuck, not busy; the
 * run then goes on as if unpaced (its events wait in Kafka, as they would have) until the backlog falls
 * below where it stalled. An unknown backlog never holds the run.
 */
final class BacklogRule {

    /** STALLED is given once, as a stall begins; while it lasts the run is told GO. */
    enum Verdict { GO, WAIT, STALLED }

    /** A group's reading: records it has still to take, and how far it has taken its topics in all. */
    record Backlog(long behind, long taken) {
    }

    private final Map<String, Long> limits;
    private final Optional<Duration> queueTime;
    private final Duration stall;
    private final Map<String, DrainRate> paces = new HashMap<>();
    private long lowest = Long.MAX_VALUE;
    private Instant shrankAt;
    private boolean stalled;

    /**
     * @param limits    for each consumer group, the most records it may have left to take before the run waits
     * @param queueTime the longest a new announcement should wait behind those already made; empty: no such limit
     */
    BacklogRule(Map<String, Long> limits, Optional<Duration> queueTime, Duration stall) {
        this.limits = Map.copyOf(limits);
        this.queueTime = queueTime;
        this.stall = stall;
        limits.keySet().forEach(group -> paces.put(group, new DrainRate()));
    }

    Verdict judge(Map<String, Optional<Backlog>> readings, Instant now) {
        long behind = 0;
        boolean anyOver = false;
        double queuedSeconds = 0;
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            Optional<Backlog> reading = readings.getOrDefault(limit.getKey(), Optional.empty());
            if (reading.isEmpty()) {
                continue;
            }
            DrainRate pace = paces.get(limit.getKey());
            pace.observe(reading.get().taken(), now);
            behind += reading.get().behind();
            anyOver |= reading.get().behind() > limit.getValue();
            OptionalDouble perSecond = pace.perSecond();
            if (perSecond.isPresent()) {
                queuedSeconds += reading.get().behind() / perSecond.getAsDouble();
            }
        }
        if (queueTime.isPresent() && queuedSeconds * 1e9 > queueTime.get().toNanos()) {
            anyOver = true;
        }
        if (!anyOver) {
            lowest = Long.MAX_VALUE;
            shrankAt = null;
            stalled = false;
            return Verdict.GO;
        }
        if (behind < lowest) {
            lowest = behind;
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

    /** The time a new announcement would wait behind those already made, at each group's pace; for the log. */
    String queuedFor(Map<String, Optional<Backlog>> readings) {
        StringBuilder line = new StringBuilder();
        readings.forEach((group, reading) -> {
            DrainRate pace = paces.get(group);
            line.append(line.isEmpty() ? "" : ", ").append(group).append('=');
            if (reading.isEmpty()) {
                line.append("unknown");
                return;
            }
            line.append(reading.get().behind());
            if (pace != null && pace.perSecond().isPresent()) {
                line.append(String.format(" at %.0f/s", pace.perSecond().getAsDouble()));
            }
        });
        return line.toString();
    }
}
