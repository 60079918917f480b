package io.arrears.contact.dispatch;

import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keeps every decision of the guard with its rule and pack, for the contact history and the metrics. */
@ApplicationScoped
class DecisionLog {

    private final DecisionRepository decisions;
    private final ComplianceGuard guard;
    private final MeterRegistry registry;

    DecisionLog(DecisionRepository decisions, ComplianceGuard guard, MeterRegistry registry) {
        this.decisions = decisions;
        this.guard = guard;
        this.registry = registry;
    }

    void record(ContactAttempt attempt, Decision decision, OffsetDateTime now) {
        GuardDecision row = new GuardDecision();
        row.reminderId = attempt.reminderId;
        row.accountId = attempt.accountId;
        row.channel = attempt.channel;
        row.decision = decision.verdict().name();
        row.rule = decision.rule();
        row.detail = decision.detail();
        row.until = decision.until() == null ? null : OffsetDateTime.ofInstant(decision.until(), ZoneOffset.UTC);
        row.policyPack = guard.pack().name();
        row.decidedAt = now;
        decisions.persist(row);
        registry.counter("arrears.contact.decisions", "decision", row.decision, "rule", row.rule, "channel", row.channel.name(),
                "pack", row.policyPack).increment();
    }
}
