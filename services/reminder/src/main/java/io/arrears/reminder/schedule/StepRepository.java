package io.arrears.reminder.schedule;

import io.arrears.messaging.Absences;
import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class StepRepository implements PanacheRepositoryBase<ScheduledStep, String> {

    private static final String STEP = "step";

    private final Absences absences;

    StepRepository(Absences absences) {
        this.absences = absences;
    }

    /** Whether a step with this id exists; a step noted missing ({@link #noteMissing}) is answered without asking. */
    public boolean exists(String id) {
        return !absences.known(STEP, id) && findById(id) != null;
    }

    /** Finds in one query which of these step ids do not exist yet, so that {@link #exists} answers for them without asking. */
    public void noteMissing(Collection<String> ids) {
        Set<String> found = new HashSet<>(KeyArrays.query(getEntityManager(), "select id from scheduled_step where id = any(:keys)",
                String.class, ScheduledStep.class, ids).getResultList());
        absences.note(STEP, ids.stream().filter(id -> !found.contains(id)).toList());
    }

    /** A step with an id of its own making (not a random one): from now on {@link #exists} asks the database for it again. */
    public void add(ScheduledStep step) {
        absences.created(STEP, step.id);
        persist(step);
    }

    /** Steps that may still fire, in due order. */
    public List<ScheduledStep> open(String caseId) {
        // Two parameters, not a list: a list parameter makes Hibernate translate the query afresh on every call.
        return find("caseId = ?1 and status in (?2, ?3) order by dueAt, id", caseId, StepStatus.PENDING, StepStatus.SUSPENDED).list();
    }

    public List<ScheduledStep> ofCase(String caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** Ids and accounts of pending steps that have fallen due (partial index scan); each is re-checked under its account's lock. */
    public List<DueStep> due(OffsetDateTime now, int limit) {
        return getEntityManager().createQuery(
                        "select new io.arrears.reminder.schedule.DueStep(s.id, s.accountId) from ScheduledStep s "
                                + "where s.status = :pending and s.dueAt <= :now order by s.dueAt, s.id", DueStep.class)
                .setParameter("pending", StepStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** These steps, each row locked for update, in one query (a step that is gone is simply missing). */
    public List<ScheduledStep> lockAll(List<String> ids) {
        return KeyArrays.lockedRows(getEntityManager(), "from ScheduledStep s where " + KeyArrays.oneOf("s.id"), ScheduledStep.class, ids);
    }

    /** Brings these steps into the session in one query, so that finding each of them later reads nothing. */
    public void loadAll(List<String> ids) {
        if (!ids.isEmpty()) {
            KeyArrays.rows(getEntityManager(), "from ScheduledStep s where " + KeyArrays.oneOf("s.id"), ScheduledStep.class, ids);
        }
    }

    /** Every step for the same notice: a ladder day of a case's bucket, or one pre-due, instalment or promise reminder. */
    public List<ScheduledStep> sameNotice(ScheduledStep step) {
        if (step.kind == StepKind.LADDER) {
            return list("caseId = ?1 and kind = ?2 and bucket = ?3 and ladderDay = ?4", step.caseId, step.kind, step.bucket, step.ladderDay);
        }
        return list("accountId = ?1 and kind = ?2 and reference = ?3", step.accountId, step.kind, step.reference);
    }

    /**
     * Parks a pending step, in SQL rather than through the entity: the row may be one the entity cannot
     * even load (a value written by a newer release). True if it was pending.
     */
    public boolean parkPending(String id, String reason) {
        return getEntityManager().createNativeQuery(
                        "update scheduled_step set status = 'PARKED', status_reason = ?1 where id = ?2 and status = 'PENDING'")
                .setParameter(1, reason)
                .setParameter(2, id)
                .executeUpdate() == 1;
    }
}
