package io.arrears.reminder.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The treatment strategy as written in application.properties; see the service README. */
@ConfigMapping(prefix = "reminder.strategy")
public interface StrategyConfig {

    List<String> buckets();

    List<String> segmentOrder();

    Map<String, SegmentConditions> segments();

    /** arm -> segment -> bucket -> steps. */
    Map<String, Map<String, Map<String, List<String>>>> ladders();

    Challenger challenger();

    List<String> fallbackOrder();

    @WithDefault("NO_CONTACT_POINT")
    List<String> fallbackOnSuppressed();

    List<String> preDue();

    String planReminder();

    String promiseReminder();

    interface SegmentConditions {
        Optional<BigDecimal> minAmountOverdue();

        Optional<BigDecimal> maxAmountOverdue();

        Optional<Integer> minDaysPastDue();

        Optional<Integer> maxDaysPastDue();

        Optional<List<String>> products();

        Optional<Integer> minBrokenPromises();
    }

    interface Challenger {
        @WithDefault("0")
        double share();
    }
}
