package io.arrears.reminder.agent;

import io.arrears.reminder.cases.AgentContact;
import io.arrears.reminder.cases.CaseRepository;
import io.arrears.reminder.cases.CaseState;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.ContactRecordRepository;
import io.arrears.reminder.cases.PlanRepository;
import io.arrears.reminder.cases.PromiseRepository;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.reminder.schedule.StepRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Reads for agents: the work queue, and everything known about one case. */
@ApplicationScoped
@Transactional
public class CaseQueries {

    private final CaseRepository cases;
    private final CaseTimeline timeline;
    private final StepRepository steps;
    private final PromiseRepository promises;
    private final PlanRepository plans;
    private final ContactRecordRepository contactRecords;

    CaseQueries(CaseRepository cases, CaseTimeline timeline, StepRepository steps, PromiseRepository promises, PlanRepository plans,
                ContactRecordRepository contactRecords) {
        this.cases = cases;
        this.timeline = timeline;
        this.steps = steps;
        this.promises = promises;
        this.plans = plans;
        this.contactRecords = contactRecords;
    }

    public record Filter(boolean needsAgent, String accountId, CaseState state, String bucket, String arm, String segment) {
    }

    public record Listing(List<CollectionCase> cases, long total) {
    }

    public record CaseFile(CollectionCase collectionCase, List<CaseEvent> timeline, List<ScheduledStep> steps,
                           List<CaseContact> contacts, List<AgentContact> agentContacts, List<PromiseToPay> promises,
                           List<RepaymentPlan> plans) {
    }

    /**
     * Cases by priority: those with a broken promise first, then by amount overdue times days past
     * due, so the largest and oldest debts are called first.
     */
    public Listing queue(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.needsAgent()) {
            where.append(" and c.agentTaskSince is not null and c.state not in :quiet");
            parameters.and("quiet", List.of(CaseState.CLOSED, CaseState.ON_HOLD));
        }
        if (filter.accountId() != null) {
            where.append(" and c.accountId = :accountId");
            parameters.and("accountId", filter.accountId());
        }
        if (filter.state() != null) {
            where.append(" and c.state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.bucket() != null) {
            where.append(" and c.bucket = :bucket");
            parameters.and("bucket", filter.bucket());
        }
        if (filter.arm() != null) {
            where.append(" and c.arm = :arm");
            parameters.and("arm", filter.arm());
        }
        if (filter.segment() != null) {
            where.append(" and c.segment = :segment");
            parameters.and("segment", filter.segment());
        }
        var em = cases.getEntityManager();
        var query = em.createQuery("select c from CollectionCase c where " + where
                + " order by case when c.brokenPromises > 0 then 0 else 1 end, c.amountOverdue * c.daysPastDue desc, c.openedAt, c.id",
                CollectionCase.class);
        var count = em.createQuery("select count(c) from CollectionCase c where " + where, Long.class);
        parameters.map().forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<CollectionCase> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Listing(found, count.getSingleResult());
    }

    public Optional<CaseFile> file(String caseId) {
        CollectionCase c = cases.findById(caseId);
        if (c == null) {
            return Optional.empty();
        }
        var em = cases.getEntityManager();
        List<AgentContact> agentContacts = em.createQuery("select a from AgentContact a where a.caseId = :id order by a.id", AgentContact.class)
                .setParameter("id", caseId).getResultList();
        List<RepaymentPlan> planList = plans.ofCase(caseId);
        planList.forEach(p -> p.instalments.size());
        List<ScheduledStep> caseSteps = steps.ofCase(caseId);
        return Optional.of(new CaseFile(c, CaseEvent.timeline(timeline.of(caseId), caseSteps), caseSteps, CaseContact.history(caseSteps, contactRecords.ofCase(caseId)), agentContacts,
                promises.ofCase(caseId), planList));
    }
}
