package io.arrears.reminder;

import io.arrears.testing.MovableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Replaces the system clock in tests: ladder days pass when a test moves the clock. */
public class TestClockProducer {

    @Produces
    @Singleton
    MovableClock clock() {
        return new MovableClock(Instant.parse("2030-03-01T01:00:00Z"));
    }
}
