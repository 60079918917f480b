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
 * came in a lump) went slower than it can, and a lower figure would hold the run longer still.
 *
 * <p>A run of work ends when a span passes in which the group took nothing, or none is left in the last
 * {@link #KEPT}; its fastest pace is kept. Until the next run begins, that is the pace given, and it stands beside
 * the new run's spans until one of them lies wholly inside the new run. A run's last spans measure how its work
 * ran out, and its next one's first spans how it came in (each reaches back into the pause before it): judged at
 * either, a statement day's second wave of announcements, after minutes of none, was let through at a fifth of the
 * pace the group had shown, and its pace rose only as fast as it was fed. The last run's pace is dropped as soon as
 * the new run has a span of its own, {@link #SPAN} after it began: kept for {@link #KEPT}, the fastest pace of a
 * wave twice as large, measured while the group had nothing else to do, held the first arrears to it for six
 * seconds, and their p99 to the provider was 3.2 s.
 */
final class DrainRate {

    static final Duration SPAN = Duration.ofSeconds(2);
    static final Duration KEPT = Duration.ofSeconds(6);

    private record Sample(Instant at, double value) {
    }

    private final Deque<Sample> taken = new ArrayDeque<>();
    private final Deque<Sample> rates = new ArrayDeque<>();
    private boolean running;
    private Instant runStart;
    private double runPeak;
    private OptionalDouble lastRunPeak = OptionalDouble.empty();
    /** The last run's fastest pace, given until this run has a span of its own, wholly inside it. */
    private OptionalDouble carried = OptionalDouble.empty();

    void observe(long takenSoFar, Instant at) {
        if (!taken.isEmpty() && takenSoFar < taken.peekLast().value()) {
            // Offsets went back (a group reset or recreated): what came before says nothing of its pace now.
            taken.clear();
            rates.clear();
            running = false;
            runPeak = 0;
            lastRunPeak = OptionalDouble.empty();
            carried = OptionalDouble.empty();
        }
        Instant keptFrom = at.minus(KEPT);
        // A reading from an earlier run, hours ago, would make today's pace an average over the night.
        while (!taken.isEmpty() && taken.peekFirst().at().isBefore(keptFrom)) {
            taken.removeFirst();
        }
        while (!rates.isEmpty() && rates.peekFirst().at().isBefore(keptFrom)) {
            rates.removeFirst();
        }
        if (rates.isEmpty()) {
            endRun();
        }
        taken.addLast(new Sample(at, takenSoFar));
        Instant spanAgo = at.minus(SPAN);
        while (taken.size() > 1 && !secondOldest().at().isAfter(spanAgo)) {
            taken.removeFirst();
        }
        Sample base = taken.peekFirst();
        if (!base.at().isAfter(spanAgo)) {
            double seconds = Duration.between(base.at(), at).toNanos() / 1e9;
            double rate = (takenSoFar - base.value()) / seconds;
            if (rate <= 0) {
                endRun();
            } else if (!running) {
                running = true;
                runStart = at;
                carried = lastRunPeak;
            } else if (!base.at().isBefore(runStart)) {
                carried = OptionalDouble.empty();
            }
            rates.addLast(new Sample(at, rate));
            if (running) {
                runPeak = Math.max(runPeak, rate);
            }
        }
    }

    /** Records a second; empty until the group has been seen taking records over a span. */
    OptionalDouble perSecond() {
        if (!running) {
            return lastRunPeak;
        }
        double own = rates.stream().mapToDouble(Sample::value).max().orElseThrow();
        return OptionalDouble.of(Math.max(own, carried.orElse(0)));
    }

    private void endRun() {
        if (running) {
            lastRunPeak = OptionalDouble.of(runPeak);
            running = false;
            runPeak = 0;
            carried = OptionalDouble.empty();
        }
    }

    private Sample secondOldest() {
        var it = taken.iterator();
        it.next();
        return it.next();
    }
}
