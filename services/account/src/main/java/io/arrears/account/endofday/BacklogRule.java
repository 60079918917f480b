package io.arrears.account.endofday;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.StringJoiner;

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
 * of replicas, where a count of records suits the box it was measured on.
 *
 * <p>The pace is kept for each topic a group reads, not for the group: a reminder service that has got through
 * pre-due announcements at 1,300 a second gets through announcements of arrears, each opening a case, at 500,
 * and a pace read over both topics was the first for six seconds after the second began, long enough to let
 * three seconds' work through. A topic with records waiting and no pace known yet (none measured since this
 * service started) holds the run until they are taken, so its first pace is measured on a trickle, and rises
 * as it is fed.
 *
 * <p>A backlog that stops shrinking for {@code stall} means a service that is down or stuck, not busy; the
 * run then goes on as if unpaced (its events wait in Kafka, as they would have) until the backlog falls
 * below where it stalled. An unknown backlog never holds the run.
 */
final class BacklogRule {

    /** STALLED is given once, as a stall begins; while it lasts the run is told GO. */
    enum Verdict { GO, WAIT, STALLED }

    /** A group's reading on one of its topics: records it has still to take, and how far it has taken the topic. */
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
    }

    /** @param readings for each group, its reading on each of its topics; empty where it could not be read */
    Verdict judge(Map<String, Optional<Map<String, Backlog>>> readings, Instant now) {
        long behind = 0;
        boolean anyOver = false;
        boolean unpaced = false;
        double queuedSeconds = 0;
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            Optional<Map<String, Backlog>> reading = readings.getOrDefault(limit.getKey(), Optional.empty());
            if (reading.isEmpty()) {
                continue;
            }
            long groupBehind = 0;
            for (Map.Entry<String, Backlog> topic : reading.get().entrySet()) {
                DrainRate pace = paces.computeIfAbsent(limit.getKey() + "/" + topic.getKey(), lane -> new DrainRate());
                pace.observe(topic.getValue().taken(), now);
                groupBehind += topic.getValue().behind();
                OptionalDouble perSecond = pace.perSecond();
                if (perSecond.isPresent()) {
                    queuedSeconds += topic.getValue().behind() / perSecond.getAsDouble();
                } else {
                    unpaced |= topic.getValue().behind() > 0;
                }
            }
            behind += groupBehind;
            anyOver |= groupBehind > limit.getValue();
        }
        if (queueTime.isPresent() && (unpaced || queuedSeconds * 1e9 > queueTime.get().toNanos())) {
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

    /** Each group's backlog on each of its topics, at the topic's pace where known; for the log. */
    String queuedFor(Map<String, Optional<Map<String, Backlog>>> readings) {
        StringBuilder line = new StringBuilder();
        readings.forEach((group, reading) -> {
            line.append(line.isEmpty() ? "" : "; ").append(group).append(':');
            if (reading.isEmpty()) {
                line.append(" unknown");
                return;
            }
            StringJoiner topics = new StringJoiner(", ", " ", "");
            reading.get().forEach((topic, backlog) -> {
                DrainRate pace = paces.get(group + "/" + topic);
                OptionalDouble perSecond = pace == null ? OptionalDouble.empty() : pace.perSecond();
                topics.add(topic + "=" + backlog.behind() + (perSecond.isPresent() ? String.format(" at %.0f/s", perSecond.getAsDouble()) : ""));
            });
            line.append(topics);
        });
        return line.toString();
    }
}
