package io.arrears.reminder.schedule;

import io.arrears.events.ReminderSent;
import io.arrears.messaging.Absences;
import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
                ScheduledStep.class, ids).getResultList());
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
     * Moves each step these outcomes name to the outcome's status, with its reason, message id and time, and the time
     * of the send it tells ({@link ScheduledStep#sentAt}), where the step's table allows it from where the step stands; in one statement that locks, changes and reads back only
     * those steps. Returns the case (or null) of each step it moved, by step id; the rest are left to the caller.
     * In plain JDBC: read whole and written back whole through Hibernate, the outcomes were the largest part of
     * this service's work on a statement day. The session must hold none of these steps, or it would write its
     * stale copy over the change.
     *
     * @param outcomes at most one per step: the statement applies each row against the step as it stood before it
     */
    public Map<String, String> moveOnOutcomes(Collection<ReminderSent> outcomes) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement move = connection.prepareStatement("""
                    update scheduled_step s set status = r.status, status_reason = r.reason, provider_message_id = r.provider_message_id,
                        outcome_at = r.at::timestamptz, sent_at = coalesce(s.sent_at, r.sent_at::timestamptz)
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        as r(id, status, reason, provider_message_id, at, allowed_from, sent_at)
                    where s.id = r.id and s.status = any(string_to_array(r.allowed_from, ','))
                    returning s.id, s.case_id""")) {
                move.setArray(1, connection.createArrayOf("text", outcomes.stream().map(ReminderSent::reminderId).toArray()));
                move.setArray(2, connection.createArrayOf("text", outcomes.stream().map(o -> o.status().name()).toArray()));
                move.setArray(3, connection.createArrayOf("text", outcomes.stream().map(ReminderSent::reason).toArray()));
                move.setArray(4, connection.createArrayOf("text", outcomes.stream().map(ReminderSent::providerMessageId).toArray()));
                move.setArray(5, connection.createArrayOf("text", outcomes.stream().map(o -> o.at().toString()).toArray()));
                move.setArray(6, connection.createArrayOf("text", outcomes.stream()
                        .map(o -> StepStatus.before(StepStatus.valueOf(o.status().name())).stream().map(Enum::name)
                                .collect(Collectors.joining(","))).toArray()));
                move.setArray(7, connection.createArrayOf("text", outcomes.stream().map(o -> o.sendTime() == null ? null : o.sendTime().toString()).toArray()));
                Map<String, String> moved = new HashMap<>();
                try (ResultSet row = move.executeQuery()) {
                    while (row.next()) {
                        moved.put(row.getString(1), row.getString(2));
                    }
                }
                return moved;
            }
        });
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
