package io.arrears.contact.dispatch;

import io.arrears.messaging.RowsAtCommit;
import io.arrears.rules.ComplianceGuard;
import io.arrears.rules.Decision;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps every decision of the guard with its rule and pack, for the contact history and the metrics. The SEND that
 * lets an attempt first go out, which is nearly every decision and says nothing the attempt does not (its rule is
 * always {@code ALLOWED}), is kept on the attempt ({@code allowedAt}, {@code allowedByPack}); every other decision is a
 * row. The rows go out with the transaction's other appended rows as it commits (a dispatch slice decides dozens);
 * nothing reads them back before then.
 */
@ApplicationScoped
class DecisionLog {

    private static final String INSERT = "insert into guard_decision "
            + "(reminder_id, account_id, channel, decision, rule, detail, until, policy_pack, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final RowsAtCommit rows;
    private final ComplianceGuard guard;
    private final MeterRegistry registry;

    DecisionLog(RowsAtCommit rows, ComplianceGuard guard, MeterRegistry registry) {
        this.rows = rows;
        this.guard = guard;
        this.registry = registry;
    }

    void record(ContactAttempt attempt, Decision decision, OffsetDateTime now) {
        String verdict = decision.verdict().name();
        String pack = guard.pack().name();
        registry.counter("arrears.contact.decisions", "decision", verdict, "rule", decision.rule(), "channel", attempt.channel.name(),
                "pack", pack).increment();
        if (decision.verdict() == Decision.Verdict.SEND && attempt.allowedAt == null) {
            attempt.allowedAt = now;
            attempt.allowedByPack = pack;
            return;
        }
        rows.add(INSERT, attempt.reminderId, attempt.accountId, attempt.channel.name(), verdict, decision.rule(), decision.detail(),
                decision.until() == null ? null : OffsetDateTime.ofInstant(decision.until(), ZoneOffset.UTC), pack, now);
    }
}
