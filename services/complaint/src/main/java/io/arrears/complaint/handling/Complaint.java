package io.arrears.complaint.handling;

import io.arrears.events.ComplaintCategory;
import io.arrears.events.ComplaintOutcome;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    public String id;
    public String accountId;
    public String customerId;
    @Enumerated(EnumType.STRING)
    public ComplaintCategory category;
    public String description;
    public String receivedVia;
    /** References to evidence held elsewhere (document ids, call recordings), comma-separated. */
    public String evidenceRefs;
    public String cardholderTimezone;
    public boolean holdsContact;
    @Enumerated(EnumType.STRING)
    public ComplaintState state;
    @Enumerated(EnumType.STRING)
    public ComplaintOutcome outcome;
    public String remedy;
    public String regulatorReference;
    public OffsetDateTime receivedAt;
    public OffsetDateTime acknowledgedAt;
    public OffsetDateTime resolvedAt;
    public OffsetDateTime acknowledgeDue;
    public OffsetDateTime resolveDue;
    public OffsetDateTime ackBreachedAt;
    public OffsetDateTime resolveBreachedAt;
    public String receivedBy;

    public boolean slaBreached() {
        return ackBreachedAt != null || resolveBreachedAt != null;
    }
}
