package io.arrears.complaint;

import io.arrears.testing.MovableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Replaces the system clock in tests: Friday 2030-02-01, 10:00 in Shanghai, moved by tests, never waited for. */
public class TestClockProducer {

    @Produces
    @Singleton
    MovableClock clock() {
        return new MovableClock(Instant.parse("2030-02-01T02:00:00Z"));
    }
}
