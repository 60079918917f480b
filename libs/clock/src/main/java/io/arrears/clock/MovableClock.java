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
 * Held still it hides code that reads it twice and expects the same moment; {@link #ticking} makes each
 * read a little later than the one before, as a real clock's is.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicReference<Duration> tick;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(new AtomicReference<>(start), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, AtomicReference<Duration> tick, ZoneId zone) {
        this.now = now;
        this.tick = tick;
        this.zone = zone;
    }

    /** Until the returned handle is closed, each read of the clock is {@code perRead} later than the one before. */
    public Ticking ticking(Duration perRead) {
        if (perRead.isNegative() || perRead.isZero()) {
            throw new IllegalArgumentException("a ticking clock moves forward");
        }
        tick.set(perRead);
        return () -> tick.set(Duration.ZERO);
    }

    /** Holds the clock still again. */
    public interface Ticking extends AutoCloseable {
        @Override
        void close();
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
        return new MovableClock(now, tick, zone);
    }

    @Override
    public Instant instant() {
        Duration step = tick.get();
        return step.isZero() ? now.get() : now.updateAndGet(t -> t.plus(step));
    }
}
