package io.arrears.testing;

import io.arrears.clock.MovableClock;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Replaces the system clock in a service's tests, so that "five days later" is a call, not a wait. A service
 * asks for it with {@code %test.arrears.testing.clock=movable} and says where its calendar starts with
 * {@code %test.arrears.testing.clock.start}; tests inject {@link MovableClock} and move it.
 */
@IfBuildProperty(name = "arrears.testing.clock", stringValue = "movable")
public class TestClockProducer {

    @Produces
    @Singleton
    MovableClock clock(@ConfigProperty(name = "arrears.testing.clock.start") Instant start) {
        return new MovableClock(start);
    }
}
