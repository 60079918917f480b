package io.arrears.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "account")
public interface AccountConfig {

    Ageing ageing();

    interface Ageing {

        /** Days after the due date during which a payment still counts as on time. */
        @WithDefault("3")
        int graceDays();

        /** How many days before the due date a PaymentDueSoon is published for an unpaid minimum. */
        @WithDefault("3")
        int dueSoonDays();

        /** Days past due at which each bucket starts; the first must be 1. */
        @WithDefault("1,30,60,90,120,180")
        List<Integer> bucketStarts();

        /** Accounts reviewed per transaction in the end-of-day run. */
        @WithDefault("500")
        int chunkSize();

        /** Chunks reviewed at once by this replica in the end-of-day run. */
        @WithDefault("2")
        int workers();

        Pace pace();
    }

    /** How the end-of-day run keeps pace with the services that act on what it announces. */
    interface Pace {

        /** Consumer groups acting on the run's announcements, by name; none: the run is not paced. */
        Map<String, Downstream> downstream();

        /**
         * The longest a new announcement should wait behind those already made: each group's backlog at its
         * recent pace, summed. Empty: only the groups' {@code max-behind} hold the run.
         */
        Optional<Duration> queueTime();

        /** A backlog that has not shrunk for this long is a service down or stuck: the run stops waiting on it. */
        @WithDefault("10s")
        Duration stall();

        /** How often a held run reads the backlog again. */
        @WithDefault("50ms")
        Duration checkEvery();
    }

    interface Downstream {

        /** The topics it takes the run's announcements from. */
        List<String> topics();

        /** Records of those topics it may have left to take before the run waits for it. */
        long maxBehind();
    }
}
