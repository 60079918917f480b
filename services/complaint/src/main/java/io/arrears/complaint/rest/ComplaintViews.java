package io.arrears.complaint.rest;

import io.arrears.complaint.evidence.BreachCheck;
import io.arrears.complaint.evidence.ContactEvent;
import io.arrears.complaint.handling.AuditEntry;
import io.arrears.complaint.handling.Complaint;
import io.arrears.complaint.handling.ComplaintEvidence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

public final class ComplaintViews {

    private ComplaintViews() {
    }

    public record Summary(String id, String accountId, String category, String state, boolean holdsContact, OffsetDateTime receivedAt,
                          OffsetDateTime acknowledgeDue, OffsetDateTime resolveDue, boolean slaBreached) {
    }

    public record Detail(String id, String accountId, String customerId, String category, String description, String receivedVia,
                         List<String> evidenceRefs, boolean holdsContact, String state, List<String> allowedNext, String outcome,
                         String remedy, String regulatorReference, OffsetDateTime receivedAt, OffsetDateTime acknowledgedAt,
                         OffsetDateTime resolvedAt, OffsetDateTime acknowledgeDue, OffsetDateTime resolveDue, OffsetDateTime ackBreachedAt,
                         OffsetDateTime resolveBreachedAt, String receivedBy, Evidence evidence, List<Audit> audit) {
    }

    public record Evidence(String timezone, OffsetDateTime from, OffsetDateTime to, List<ContactLine> contacts, List<BreachCheck.Flag> flags) {
    }

    /** {@code agencyId}: the agency that made the contact, null for the bank's own; its visits show as channel VISIT. */
    public record ContactLine(String reminderId, String caseId, String channel, String status, String reason, OffsetDateTime at, String agencyId) {
    }

    public record Audit(String actor, String action, String detail, OffsetDateTime at) {
    }

    static Summary summary(Complaint c) {
        return new Summary(c.id, c.accountId, c.category.name(), c.state.name(), c.holdsContact, c.receivedAt, c.acknowledgeDue, c.resolveDue,
                c.slaBreached());
    }

    static Detail detail(Complaint c, Evidence evidence, List<AuditEntry> audit) {
        return new Detail(c.id, c.accountId, c.customerId, c.category.name(), c.description, c.receivedVia,
                c.evidenceRefs.isEmpty() ? List.of() : Arrays.asList(c.evidenceRefs.split(",")), c.holdsContact, c.state.name(),
                c.state.next().stream().map(Enum::name).sorted().toList(), c.outcome == null ? null : c.outcome.name(), c.remedy,
                c.regulatorReference, c.receivedAt, c.acknowledgedAt, c.resolvedAt, c.acknowledgeDue, c.resolveDue, c.ackBreachedAt,
                c.resolveBreachedAt, c.receivedBy, evidence,
                audit.stream().map(a -> new Audit(a.actor, a.action, a.detail, a.at)).toList());
    }

    static Evidence evidence(ComplaintEvidence.Evidence e) {
        return new Evidence(e.zone().getId(), e.from(), e.to(), e.contacts().stream().map(ComplaintViews::line).toList(), e.flags());
    }

    static ContactLine line(ContactEvent e) {
        return new ContactLine(e.reminderId, e.caseId, e.channel == null ? "VISIT" : e.channel.name(), e.status, e.reason, e.at, e.agencyId);
    }
}
