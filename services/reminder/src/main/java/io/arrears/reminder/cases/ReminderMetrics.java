package io.arrears.reminder.cases;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Counters per strategy arm, so the champion and challenger ladders can be compared on the same dashboard. */
@ApplicationScoped
public class ReminderMetrics {

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final MultiGauge casesByState;

    ReminderMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.casesByState = MultiGauge.builder("arrears.reminder.cases").description("collection cases by state and arm").register(registry);
    }

    public void stepFired(String channel, String arm) {
        registry.counter("arrears.reminder.steps.fired", Tags.of("channel", channel, "arm", arm)).increment();
    }

    /** A step parked because firing it failed for good: someone must look at {@code scheduled_step} rows in PARKED. */
    public void stepParked() {
        registry.counter("arrears.reminder.steps.parked").increment();
    }

    public void promise(String outcome, String arm) {
        registry.counter("arrears.reminder.promises", Tags.of("outcome", outcome, "arm", arm)).increment();
    }

    public void plan(String outcome, String arm) {
        registry.counter("arrears.reminder.plans", Tags.of("outcome", outcome, "arm", arm)).increment();
    }

    public void caseOpened(String arm, String segment) {
        registry.counter("arrears.reminder.cases.opened", Tags.of("arm", arm, "segment", segment)).increment();
    }

    public void caseClosed(String arm, String reason) {
        registry.counter("arrears.reminder.cases.closed", Tags.of("arm", arm, "reason", reason)).increment();
    }

    @Scheduled(every = "${reminder.metrics.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshCaseCounts() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select c.state, c.arm, count(c) from CollectionCase c group by c.state, c.arm", Object[].class).getResultList());
        casesByState.register(rows.stream().map(r -> MultiGauge.Row.of(
                Tags.of("state", r[0].toString(), "arm", (String) r[1]), ((Number) r[2]).doubleValue())).toList(), true);
    }
}
