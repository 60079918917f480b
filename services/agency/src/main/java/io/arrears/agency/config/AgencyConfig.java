package io.arrears.agency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything under {@code agency.*}; application.properties explains each key. */
@ConfigMapping(prefix = "agency")
public interface AgencyConfig {

    /** The whitelist, by agency id. */
    Map<String, Agency> agencies();

    Placement placement();

    Actions actions();

    /** The key of the digests the contact log keeps instead of phone numbers. */
    String phoneDigestKey();

    interface Agency {
        String name();

        List<String> regions();

        List<String> buckets();

        @WithDefault("0")
        BigDecimal minBalance();

        BigDecimal maxBalance();

        int capacity();

        /** Commission rate by bucket label, e.g. {@code 0.12}. */
        Map<String, BigDecimal> commission();

        LocalDate contractFrom();

        LocalDate contractUntil();

        LocalDate reviewedOn();

        List<String> channels();

        List<String> data();
    }

    interface Placement {
        List<String> buckets();

        Duration period();

        Duration reviewEvery();

        Duration performanceWindow();

        double challengerShare();

        /** How often ended periods are looked for: a duration, or "off" (the tests end them on their own clock). */
        String checkEvery();

        String zone();

        String defaultTimezone();

        /** The currency of commission statements and scorecards. */
        @WithDefault("CNY")
        String currency();
    }

    interface Actions {
        int promiseMaxDays();

        Visits visits();

        interface Visits {
            int max();

            Duration per();
        }
    }
}
