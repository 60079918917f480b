package io.arrears.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Time-lapse time for rehearsals: at the real instant {@code anchor} it reads {@code start}, and from
 * there it runs {@code speed} times faster than the wall clock. Every service given the same three
 * values agrees on the time, so a bank month can be played in minutes with all rules (contact
 * windows, ladder days, SLA clocks) judged on the simulated calendar.
 */
public final class ScaledClock extends Clock {

    private final Instant start;
    private final Instant anchor;
    private final double speed;
    private final Clock real;
    private final ZoneId zone;

    public ScaledClock(Instant start, Instant anchor, double speed, Clock real) {
        this(start, anchor, speed, real, ZoneOffset.UTC);
    }

    private ScaledClock(Instant start, Instant anchor, double speed, Clock real, ZoneId zone) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, not " + speed);
        }
        this.start = Objects.requireNonNull(start, "start");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.speed = speed;
        this.real = Objects.requireNonNull(real, "real");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public double speed() {
        return speed;
    }

    /** How long a simulated duration takes on the wall clock. */
    public Duration realTimeOf(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    /** The wall-clock instant at which this clock reads {@code simulated}. */
    public Instant realInstantOf(Instant simulated) {
        long simulatedNanos = Duration.between(start, simulated).toNanos();
        return anchor.plusNanos((long) (simulatedNanos / speed));
    }

    /** What this clock read at the wall-clock instant {@code real}. */
    public Instant simulatedInstantOf(Instant real) {
        long realNanos = Duration.between(anchor, real).toNanos();
        return start.plusNanos((long) (realNanos * speed));
    }

    @Override
    public Instant instant() {
        return simulatedInstantOf(real.instant());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(start, anchor, speed, real, zone);
    }

    @Override
    public String toString() {
        return "ScaledClock[" + start + " at " + anchor + ", x" + speed + "]";
    }
}
