package io.arrears.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand, so that "five days later" takes no time and no sleep. It only moves
 * forward, because every test of a service shares it and a step back would confuse the others.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Moves to {@code instant}, or stays put if the clock is already past it. */
    public Instant moveTo(Instant instant) {
        return now.updateAndGet(t -> t.isBefore(instant) ? instant : t);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
