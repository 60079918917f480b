package io.arrears.reminder.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Counts {@link OperationsFigures} with one grouped query per figure, so the dashboard costs the same at any size. */
@ApplicationScoped
public class OperationsReport {

    private final EntityManager entityManager;
    private final Clock clock;

    OperationsReport(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public OperationsFigures now() {
        List<OperationsFigures.Tally> cases = tallies("select bucket, state, count(*) from collection_case where state <> 'CLOSED' "
                + "group by bucket, state union all select 'closed', coalesce(closed_reason, 'CLOSED'), count(*) from collection_case "
                + "where state = 'CLOSED' group by closed_reason order by 1, 2");
        // A reminder's latest outcome is where its step stands once contact-channel has told one.
        List<OperationsFigures.Tally> reminders = tallies("select channel, status, count(*) from scheduled_step "
                + "where status in ('SENT', 'DELIVERED', 'FAILED', 'SUPPRESSED', 'UNKNOWN') group by channel, status order by 1, 2");
        List<OperationsFigures.Tally> promises = tallies("select 'promise', status, count(*) from promise_to_pay group by status order by 2");
        List<OperationsFigures.Tally> plans = tallies("select type, status, count(*) from repayment_plan group by type, status order by 1, 2");
        List<OperationsFigures.Tally> escalations = tallies("select 'escalation', escalation, count(*) from collection_case "
                + "where state <> 'CLOSED' and escalation is not null and escalation <> 'NONE' group by escalation order by 2");
        long waiting = ((Number) entityManager.createNativeQuery("select count(*) from plan_approval where status = 'PENDING'")
                .getSingleResult()).longValue();
        return new OperationsFigures(OffsetDateTime.now(clock), cases, reminders, promises, plans, escalations, waiting);
    }

    @SuppressWarnings("unchecked")
    private List<OperationsFigures.Tally> tallies(String sql) {
        List<Object[]> rows = entityManager.createNativeQuery(sql).getResultList();
        return rows.stream().map(r -> new OperationsFigures.Tally((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }
}
