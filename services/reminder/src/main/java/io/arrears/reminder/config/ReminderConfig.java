package io.arrears.reminder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

@ConfigMapping(prefix = "reminder")
public interface ReminderConfig {

    Schedule schedule();

    Plans plans();

    Promises promises();

    /** How long closed cases keep what personal data they hold. */
    Retention retention();

    Reports reports();

    interface Reports {
        /** What one contact costs the bank on each channel (SMS, EMAIL, VOICE, LETTER), for cost per cure. */
        Map<String, BigDecimal> contactCost();

        /** The currency of those costs. */
        @WithDefault("CNY")
        String costCurrency();

        /** A case counts as cured if it is paid up (or its plan completed) within this many days of opening. */
        @WithDefault("30")
        int cureWithinDays();
    }

    interface Retention {
        /**
         * After a case has been closed this long, agents' notes, the template facts of its steps and the
         * card's last digits are removed; amounts, dates, outcomes and the audit trail stay. At least two
         * years (the cn rule for collection records).
         */
        @WithDefault("P1095D")
        Duration closedCases();

        /** When the retention job runs (cron). */
        @WithDefault("0 45 2 * * ?")
        String runAt();
    }

    interface Schedule {

        /** The bank's zone: ladder days are its calendar days. Cardholders' own zones are contact-channel's concern. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();

        /** When on its day a step falls due; contact-channel still holds it to the cardholder's contact window. */
        @WithDefault("09:00")
        LocalTime sendAt();

        /** How often the scheduler looks for due steps (read by its @Scheduled expression). */
        @WithDefault("1s")
        Duration pollEvery();

        /** How long after start-up the first look happens. */
        @WithDefault("5s")
        Duration firstPollAfter();

        /** Due steps read per query. */
        @WithDefault("200")
        int batchSize();

        /**
         * Steps fired together in one transaction. A transaction costs more than a step, so a statement
         * day's burst is fired in groups; the accounts of a group stay locked until it commits.
         */
        @WithDefault("50")
        int stepsPerTransaction();
    }

    interface Plans {

        Limits agent();

        Limits supervisor();

        /** See {@link io.arrears.reminder.negotiation.PlanLimits}: each is judged on the case's own figures. */
        interface Limits {
            int maxInstalments();

            int maxFirstDueDays();

            int maxDeferralDays();

            BigDecimal maxWaiverPercent();

            BigDecimal minSettlementPercent();
        }
    }

    interface Promises {

        /** The latest date, in days from today, that a promise to pay may name. */
        @WithDefault("30")
        int maxDays();
    }
}
