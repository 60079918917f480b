package io.arrears.reminder.config;

import io.arrears.reminder.negotiation.PlanLimits;
import io.arrears.reminder.negotiation.PlanPolicy;
import io.arrears.reminder.strategy.Segment;
import io.arrears.reminder.strategy.StrategyDefinition;
import io.arrears.reminder.strategy.TreatmentStrategy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the treatment strategy and the plan policy from configuration at start-up, so a bad strategy
 * stops the service with every problem listed instead of failing on the first case that meets it.
 */
@ApplicationScoped
public class StrategyProducer {

    @Produces
    @Singleton
    @Startup
    TreatmentStrategy strategy(StrategyConfig config) {
        return TreatmentStrategy.from(definition(config));
    }

    @Produces
    @Singleton
    PlanPolicy planPolicy(ReminderConfig config) {
        return new PlanPolicy(limits(config.plans().agent()), limits(config.plans().supervisor()));
    }

    public static StrategyDefinition definition(StrategyConfig config) {
        Map<String, Segment> segments = new LinkedHashMap<>();
        config.segments().forEach((name, c) -> segments.put(name, new Segment(name, c.minAmountOverdue().orElse(null),
                c.maxAmountOverdue().orElse(null), c.minDaysPastDue().orElse(null), c.maxDaysPastDue().orElse(null),
                new HashSet<>(c.products().orElse(java.util.List.of())), c.minBrokenPromises().orElse(null))));
        return new StrategyDefinition(config.buckets(), config.segmentOrder(), segments, config.ladders(),
                config.challenger().share(), config.fallbackOrder(), config.fallbackOnSuppressed(), config.preDue(),
                config.planReminder(), config.promiseReminder());
    }

    private static PlanLimits limits(ReminderConfig.Plans.Limits limits) {
        return new PlanLimits(limits.maxInstalments(), limits.maxFirstDueDays(), limits.maxDeferralDays(), limits.maxWaiverPercent(),
                limits.minSettlementPercent());
    }
}
