package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanApprovalRepository implements PanacheRepositoryBase<PlanApproval, String> {

    public Optional<PlanApproval> pendingFor(String caseId) {
        return find("caseId = ?1 and status = ?2", caseId, PlanApproval.Status.PENDING).firstResultOptional();
    }

    /** The supervisors' queue, oldest first. */
    public List<PlanApproval> pending(int limit) {
        return find("status = ?1 order by requestedAt", PlanApproval.Status.PENDING).range(0, limit - 1).list();
    }

    public List<PlanApproval> ofCase(String caseId) {
        return list("caseId = ?1 order by requestedAt", caseId);
    }

    public Optional<PlanApproval> locked(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
