package io.arrears.complaint.handling;

import io.arrears.complaint.config.ComplaintConfig;
import io.arrears.complaint.evidence.ContactHistory;
import io.arrears.complaint.sla.SlaPolicy;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintOutcome;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The complaint workflow. Every change checks the state table, is written to the audit trail with
 * its actor, and any event it causes leaves through the outbox in the same transaction.
 */
@ApplicationScoped
public class Complaints {

    public enum EscalationTarget { SUPERVISOR, REGULATOR_REFERRAL }

    private final ComplaintRepository complaints;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final SlaPolicy sla;
    private final ComplaintConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ContactHistory history;

    Complaints(ComplaintRepository complaints, AuditTrail audit, Outbox outbox, SlaPolicy sla, ComplaintConfig config, MeterRegistry registry,
               Clock clock, ContactHistory history) {
        this.complaints = complaints;
        this.audit = audit;
        this.outbox = outbox;
        this.sla = sla;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.history = history;
    }

    /**
     * Receives a complaint about an account. Who holds the account is the bank's own record (the latest
     * PaymentMissed), never the caller's word: a cardholder ({@code cardholder}, the customer their token
     * names) may complain about their own accounts only.
     */
    @Transactional
    public Complaint file(NewComplaint request, Optional<String> cardholder, String actor) {
        String customerId = history.account(request.accountId()).map(a -> a.customerId).orElse(null);
        if (cardholder.isPresent() && !cardholder.get().equals(customerId)) {
            throw new NotTheirAccount();
        }
        OffsetDateTime now = now();
        Complaint c = new Complaint();
        c.id = "CMP-" + TimeOrderedIds.next();
        c.accountId = request.accountId();
        c.customerId = customerId;
        c.category = request.category();
        c.description = request.description();
        c.receivedVia = request.receivedVia();
        c.evidenceRefs = String.join(",", request.evidenceRefs() == null ? List.of() : request.evidenceRefs());
        c.cardholderTimezone = request.cardholderTimezone();
        c.holdsContact = config.holdingCategories().contains(request.category());
        c.state = ComplaintState.RECEIVED;
        c.receivedAt = now;
        c.acknowledgeDue = OffsetDateTime.ofInstant(sla.acknowledgeDue(now.toInstant()), ZoneOffset.UTC);
        c.resolveDue = OffsetDateTime.ofInstant(sla.resolveDue(now.toInstant()), ZoneOffset.UTC);
        c.receivedBy = actor;
        complaints.persist(c);
        audit.record(c.id, actor, "RECEIVED", c.category + " via " + c.receivedVia + (c.holdsContact ? "; holds collection contact" : "")
                + "; acknowledge by " + c.acknowledgeDue + ", resolve by " + c.resolveDue);
        outbox.add(new ComplaintOpened(c.id, c.accountId, c.category, c.holdsContact, now));
        registry.counter("arrears.complaint.received", "category", c.category.name(), "holds", Boolean.toString(c.holdsContact)).increment();
        return c;
    }

    @Transactional
    public Complaint acknowledge(String id, String actor) {
        Complaint c = locked(id);
        move(c, ComplaintState.ACKNOWLEDGED, actor, null);
        c.acknowledgedAt = now();
        return c;
    }

    @Transactional
    public Complaint investigate(String id, String actor) {
        Complaint c = locked(id);
        move(c, ComplaintState.INVESTIGATING, actor, null);
        if (c.acknowledgedAt == null) {
            c.acknowledgedAt = now();
        }
        return c;
    }

    @Transactional
    public Complaint resolve(String id, ComplaintOutcome outcome, String remedy, String actor) {
        Complaint c = locked(id);
        move(c, ComplaintState.RESOLVED, actor, outcome + (remedy == null ? "" : ": " + remedy));
        c.outcome = outcome;
        c.remedy = remedy;
        c.resolvedAt = now();
        outbox.add(new ComplaintResolved(c.id, c.accountId, c.category, c.holdsContact, outcome, c.resolvedAt));
        registry.counter("arrears.complaint.resolved", "category", c.category.name(), "outcome", outcome.name(),
                "sla", c.slaBreached() ? "breached" : "met").increment();
        return c;
    }

    @Transactional
    public Complaint escalate(String id, EscalationTarget target, String reference, String note, String actor) {
        Complaint c = locked(id);
        ComplaintState next = target == EscalationTarget.SUPERVISOR ? ComplaintState.ESCALATED_SUPERVISOR : ComplaintState.REGULATOR_REFERRAL;
        move(c, next, actor, (reference == null ? "" : "reference " + reference + (note == null ? "" : "; ")) + (note == null ? "" : note));
        if (reference != null) {
            c.regulatorReference = reference;
        }
        return c;
    }

    /**
     * Flags what fell due unmet. A missed resolution goes to a supervisor by itself, where the state
     * table allows it; a missed acknowledgement is flagged for the officer.
     */
    @Transactional
    public void checkSla(String id) {
        Complaint c = locked(id);
        OffsetDateTime now = now();
        if (!c.state.isOpen()) {
            return;
        }
        if (c.acknowledgedAt == null && c.ackBreachedAt == null && !c.acknowledgeDue.isAfter(now)) {
            c.ackBreachedAt = now;
            audit.record(c.id, AuditTrail.SYSTEM, "SLA_BREACHED", "not acknowledged by " + c.acknowledgeDue);
            registry.counter("arrears.complaint.sla.breaches", "clock", "acknowledge").increment();
        }
        if (c.resolveBreachedAt == null && !c.resolveDue.isAfter(now)) {
            c.resolveBreachedAt = now;
            audit.record(c.id, AuditTrail.SYSTEM, "SLA_BREACHED", "not resolved by " + c.resolveDue);
            registry.counter("arrears.complaint.sla.breaches", "clock", "resolve").increment();
            if (c.state.canBecome(ComplaintState.ESCALATED_SUPERVISOR)) {
                move(c, ComplaintState.ESCALATED_SUPERVISOR, AuditTrail.SYSTEM, "resolution overdue");
            }
        }
    }

    private void move(Complaint c, ComplaintState next, String actor, String detail) {
        c.state.requireTransitionTo(next);
        audit.record(c.id, actor, next.name(), c.state + " -> " + next + (detail == null || detail.isBlank() ? "" : ": " + detail));
        c.state = next;
    }

    private Complaint locked(String id) {
        Complaint c = complaints.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new ComplaintNotFound(id);
        }
        return c;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
