package io.arrears.contact;

import io.arrears.testing.MovableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Replaces the system clock in tests: 09:00 in Shanghai at the start, moved by tests, never waited for. */
public class TestClockProducer {

    @Produces
    @Singleton
    MovableClock clock() {
        return new MovableClock(Instant.parse("2030-03-01T01:00:00Z"));
    }
}
