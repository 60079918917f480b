package io.arrears.reminder.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.arrears.events.EventJson;
import io.arrears.events.TimeOrderedIds;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseConflict;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PlanApproval;
import io.arrears.reminder.cases.PlanApprovalRepository;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.negotiation.LimitExceeded;
import io.arrears.reminder.negotiation.PlanPolicy;
import io.arrears.reminder.negotiation.PlanTerms;
import io.arrears.reminder.schedule.Treatment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plans beyond an agent's limits go to a supervisor instead of being lost: the agent's terms wait here, a
 * supervisor other than the one who asked approves them into a plan (judged again, on the case's figures of
 * that moment) or declines them with a reason. Every step is on the case's timeline.
 */
@ApplicationScoped
public class PlanApprovals {

    private static final int QUEUE_LIMIT = 200;

    private final AgentWork agentWork;
    private final Negotiation negotiation;
    private final PlanPolicy policy;
    private final PlanApprovalRepository approvals;
    private final CaseTimeline timeline;
    private final Treatment treatment;

    PlanApprovals(AgentWork agentWork, Negotiation negotiation, PlanPolicy policy, PlanApprovalRepository approvals,
                  CaseTimeline timeline, Treatment treatment) {
        this.agentWork = agentWork;
        this.negotiation = negotiation;
        this.policy = policy;
        this.approvals = approvals;
        this.timeline = timeline;
        this.treatment = treatment;
    }

    /** Sends terms an agent may not agree to a supervisor; terms within the agent's limits, or beyond every role's, are refused. */
    @Transactional
    public PlanApproval request(String caseId, PlanRequest request, String agent) {
        CollectionCase c = agentWork.lockedCase(caseId);
        c.requirePlanPossible();
        PlanTerms terms = negotiation.terms(c, request);
        LimitExceeded breach = policy.check(terms, PlanPolicy.Authority.AGENT)
                .orElseThrow(() -> new CaseConflict("these terms are within an agent's limits: agree the plan, no approval is needed"));
        if (breach.approver() == null) {
            throw new LimitBreached(breach);
        }
        approvals.pendingFor(c.id()).ifPresent(waiting -> {
            throw new CaseConflict("plan approval " + waiting.id + " for case " + c.id() + " is already waiting for a supervisor");
        });
        PlanApproval approval = new PlanApproval();
        approval.id = "APR-" + TimeOrderedIds.next();
        approval.caseId = c.id();
        approval.terms = new String(EventJson.write(request), StandardCharsets.UTF_8);
        approval.limitName = breach.limit();
        approval.reason = breach.message();
        approval.moveTo(PlanApproval.Status.PENDING);
        approval.requestedBy = agent;
        approval.requestedAt = treatment.now();
        approvals.persist(approval);
        timeline.record(c.id(), Actor.agent(agent), TimelineKind.PLAN, terms.type() + " plan sent to a supervisor as "
                + approval.id + ": " + breach.message());
        return approval;
    }

    public List<PlanApproval> waiting() {
        return approvals.pending(QUEUE_LIMIT);
    }

    public List<PlanApproval> ofCase(String caseId) {
        return approvals.ofCase(caseId);
    }

    /** Agrees the waiting terms with the supervisor's authority; the plan, the approval and the audit entry commit together. */
    @Transactional
    public PlanApproval approve(String id, String supervisor) {
        PlanApproval approval = decidable(id, supervisor);
        // Approved before the plan is agreed, so agreeing it does not withdraw this request as moot.
        approval.moveTo(PlanApproval.Status.APPROVED);
        RepaymentPlan plan = negotiation.agree(approval.caseId, request(approval), supervisor, PlanPolicy.Authority.SUPERVISOR);
        approval.planId = plan.id;
        decided(approval, supervisor, null);
        timeline.record(approval.caseId, Actor.agent(supervisor), TimelineKind.PLAN, "plan approval " + approval.id
                + " approved: plan " + plan.id + ", asked for by " + approval.requestedBy);
        return approval;
    }

    @Transactional
    public PlanApproval decline(String id, String supervisor, String note) {
        PlanApproval approval = decidable(id, supervisor);
        approval.moveTo(PlanApproval.Status.DECLINED);
        decided(approval, supervisor, note);
        timeline.record(approval.caseId, Actor.agent(supervisor), TimelineKind.PLAN, "plan approval " + approval.id
                + " declined: " + note);
        return approval;
    }

    private PlanApproval decidable(String id, String supervisor) {
        PlanApproval approval = approvals.locked(id).orElseThrow(() -> new ApprovalNotFound(id));
        if (approval.status != PlanApproval.Status.PENDING) {
            throw new CaseConflict("plan approval " + id + " was already " + approval.status + " by " + approval.decidedBy);
        }
        if (approval.requestedBy.equals(supervisor)) {
            throw new ApprovalRefused("plan approval " + id + " was asked for by you; another supervisor must decide it");
        }
        return approval;
    }

    private void decided(PlanApproval approval, String supervisor, String note) {
        approval.decidedBy = supervisor;
        approval.decidedAt = treatment.now();
        approval.decisionNote = note;
    }

    private static PlanRequest request(PlanApproval approval) {
        try {
            return EventJson.mapper().readValue(approval.terms, PlanRequest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("plan approval " + approval.id + " holds terms that no longer read", e);
        }
    }
}
