package io.arrears.local.demo;

import io.arrears.clock.ScaledClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the demo was asked for, from {@code -Darrears.demo.*} and the simulated clock the services were
 * started with ({@code -Darrears.clock.*}); {@code deploy/local/arrears demo} sets both. {@code home} holds
 * the demo's data, its logs and the print house's drop folder.
 */
record DemoSettings(int accounts, int days, long seed, String bootstrap, Map<String, String> urls, ScaledClock clock,
                    Optional<Path> targets, Path home) {

    static DemoSettings fromSystemProperties() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : new String[] {"account:8081", "reminder:8082", "contact-channel:8083", "complaint:8084", "agency:8085"}) {
            String[] nameAndPort = service.split(":");
            urls.put(nameAndPort[0], System.getProperty("arrears.url." + nameAndPort[0], "http://127.0.0.1:" + nameAndPort[1]));
        }
        ScaledClock clock = new ScaledClock(Instant.parse(required("arrears.clock.start")), Instant.parse(required("arrears.clock.anchor")),
                Double.parseDouble(required("arrears.clock.speed")), Clock.systemUTC());
        int accounts = Integer.getInteger("arrears.demo.accounts", 10_000);
        int days = Integer.getInteger("arrears.demo.days", 30);
        if (accounts < 1 || days < 1) {
            throw new IllegalArgumentException("--accounts and --days must be at least 1");
        }
        return new DemoSettings(accounts, days, Long.getLong("arrears.demo.seed", 42L),
                "127.0.0.1:" + Integer.getInteger("arrears.kafka.port", 9092), urls, clock,
                Optional.ofNullable(System.getProperty("arrears.demo.targets")).map(Path::of),
                Path.of(System.getProperty("arrears.home", ".local")).toAbsolutePath());
    }

    /** Seconds of wall clock per simulated day. */
    double daySeconds() {
        return 86_400 / clock.speed();
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set: start the demo with deploy/local/arrears demo");
        }
        return value;
    }
}
