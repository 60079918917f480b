package io.arrears.rules.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything under {@code arrears.policy.*}: the packs are defined once, in this library's
 * {@code META-INF/microprofile-config.properties}, so the bank's own contacts and its agencies' are judged
 * by the same figures. A deployment overrides a value in its own configuration.
 */
@ConfigMapping(prefix = "arrears.policy")
public interface PolicyConfig {

    /** The pack in force: a key of {@code packs}. */
    String pack();

    Map<String, Pack> packs();

    interface Pack {
        LocalTime windowStart();

        LocalTime windowEnd();

        List<String> windowChannels();

        int dailyCap();

        List<String> dailyCapChannels();

        /** Per-channel caps, keyed by channel in lower case. */
        Map<String, Cap> caps();

        Optional<List<String>> consentRequired();
    }

    interface Cap {
        int max();

        Duration per();
    }
}
