package io.arrears.clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every service reads time from an injected {@link Clock}; tests replace this bean to control it.
 * Production runs on the wall clock. A rehearsal (the local bank-month demo, a benchmark) sets
 * {@code arrears.clock.start}, {@code arrears.clock.anchor} and {@code arrears.clock.speed} to the
 * same values in every service, and they all live on one simulated calendar.
 */
@ApplicationScoped
public class SystemClock {

    private static final Logger LOG = Logger.getLogger(SystemClock.class);

    @ConfigProperty(name = "arrears.clock.start")
    Optional<Instant> start;

    @ConfigProperty(name = "arrears.clock.anchor")
    Optional<Instant> anchor;

    @ConfigProperty(name = "arrears.clock.speed", defaultValue = "1")
    double speed;

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        if (start.isEmpty() && anchor.isEmpty() && speed == 1) {
            return Clock.systemUTC();
        }
        if (start.isEmpty() || anchor.isEmpty()) {
            throw new IllegalStateException("a simulated clock needs both arrears.clock.start and arrears.clock.anchor "
                    + "(the simulated and the real instant it starts from), and arrears.clock.speed");
        }
        ScaledClock clock = new ScaledClock(start.get(), anchor.get(), speed, Clock.systemUTC());
        LOG.warnf("running on SIMULATED time: %s; never do this with real cardholders", clock);
        return clock;
    }
}
