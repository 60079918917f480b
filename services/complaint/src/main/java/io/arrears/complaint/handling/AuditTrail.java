package io.arrears.complaint.handling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEntry, Long> {

    public static final String SYSTEM = "system";

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String complaintId, String actor, String action, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.complaintId = complaintId;
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.at = OffsetDateTime.now(clock);
        persist(entry);
    }

    public List<AuditEntry> of(String complaintId) {
        return list("complaintId = ?1 order by at, id", complaintId);
    }
}
