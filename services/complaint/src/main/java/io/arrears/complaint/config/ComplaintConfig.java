package io.arrears.complaint.config;

import io.arrears.events.Channel;
import io.arrears.events.ComplaintCategory;
import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under {@code complaint.*}; the service README explains each key. */
@ConfigMapping(prefix = "complaint")
public interface ComplaintConfig {

    /** Categories whose complaints hold all collection contact with the account until resolved. */
    List<ComplaintCategory> holdingCategories();

    Sla sla();

    Evidence evidence();

    /** How long complaint records keep what personal data they hold. */
    Retention retention();

    interface Retention {
        /**
         * After a complaint has been resolved this long, its free text (the cardholder's description, the
         * remedy, what officers wrote on its transitions) is removed; category, dates, outcome and the audit
         * trail's who-did-what stay. At least two years (the cn rule for collection records).
         */
        @io.smallrye.config.WithDefault("P1095D")
        Duration resolvedComplaints();

        /** The copies of contact outcomes kept as evidence: deleted after this, at least two years. */
        @io.smallrye.config.WithDefault("P1095D")
        Duration contactEvidence();

        /** When the retention job runs (cron). */
        @io.smallrye.config.WithDefault("0 50 2 * * ?")
        String runAt();
    }

    interface Sla {
        int acknowledgeBusinessDays();

        int resolveCalendarDays();

        /** The bank's time zone: days end at its midnight. */
        String zone();

        /** Public holidays, ISO dates. */
        Optional<List<LocalDate>> holidays();

        /** Weekend days that are working days (make-up days). */
        Optional<List<LocalDate>> workingWeekends();

        Duration checkEvery();
    }

    interface Evidence {
        /** The cardholder's time zone when the complaint does not say. */
        String defaultTimezone();

        LocalTime windowStart();

        LocalTime windowEnd();

        List<Channel> windowChannels();

        /** Caps per channel, keyed by channel in lower case. */
        Map<String, Cap> caps();

        /** How far before the complaint the contact history reaches. */
        Duration lookback();
    }

    interface Cap {
        int max();

        Duration per();
    }
}
