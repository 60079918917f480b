package io.arrears.account.endofday;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * How many records a second a consumer group gets through, from successive readings of how far it has taken
 * its topics. Each reading is compared with one at least {@link #SPAN} older: a group commits its offsets a
 * few times a second, and a shorter span would mostly measure when those commits fell. The pace given is the
 * fastest of the last {@link #KEPT}: a group that ran short of work for a moment (the run held, or its input
 * came in a lump) went slower than it can, and a lower figure would hold the run longer still. With no span
 * in that time (the run had ended, or the group took nothing) the pace given is the last one known: the next
 * run's first announcements are judged at the pace of the last run's last, not let through unmeasured, and
 * the first spans of its own readings replace it.
 */
final class DrainRate {

    static final Duration SPAN = Duration.ofSeconds(2);
    static final Duration KEPT = Duration.ofSeconds(6);

    private record Sample(Instant at, double value) {
    }

    private final Deque<Sample> taken = new ArrayDeque<>();
    private final Deque<Sample> rates = new ArrayDeque<>();
    private OptionalDouble lastKnown = OptionalDouble.empty();

    void observe(long takenSoFar, Instant at) {
        if (!taken.isEmpty() && takenSoFar < taken.peekLast().value()) {
            // Offsets went back (a group reset or recreated): what came before says nothing of its pace now.
            taken.clear();
            rates.clear();
            lastKnown = OptionalDouble.empty();
        }
        Instant keptFrom = at.minus(KEPT);
        // A reading from an earlier run, hours ago, would make today's pace an average over the night.
        while (!taken.isEmpty() && taken.peekFirst().at().isBefore(keptFrom)) {
            taken.removeFirst();
        }
        taken.addLast(new Sample(at, takenSoFar));
        Instant spanAgo = at.minus(SPAN);
        while (taken.size() > 1 && !secondOldest().at().isAfter(spanAgo)) {
            taken.removeFirst();
        }
        Sample base = taken.peekFirst();
        if (!base.at().isAfter(spanAgo)) {
            double seconds = Duration.between(base.at(), at).toNanos() / 1e9;
            rates.addLast(new Sample(at, (takenSoFar - base.value()) / seconds));
        }
        while (!rates.isEmpty() && rates.peekFirst().at().isBefore(keptFrom)) {
            rates.removeFirst();
        }
        // Only while the group is taking records: spans of a pause would otherwise age the pace down to nothing.
        if (!rates.isEmpty() && rates.peekLast().value() > 0) {
            lastKnown = OptionalDouble.of(rates.stream().mapToDouble(Sample::value).max().orElseThrow());
        }
    }

    /** Records a second; empty until the group has been seen taking records over a span. */
    OptionalDouble perSecond() {
        return lastKnown;
    }

    private Sample secondOldest() {
        var it = taken.iterator();
        it.next();
        return it.next();
    }
}
