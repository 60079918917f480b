package io.arrears.reminder.rest;

import io.arrears.events.PlanType;
import io.arrears.reminder.agent.CaseQueries;
import io.arrears.reminder.agent.PlanPreview;
import io.arrears.reminder.agent.PlanRequest;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PlanApproval;
import io.arrears.reminder.cases.PlanAuditEntry;
import io.arrears.reminder.negotiation.PlanLimits;
import io.arrears.reminder.negotiation.PlanTerms;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.strategy.Step;
import io.arrears.web.Amounts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the REST API shows of cases; entities never leave the service as they are. */
public final class CaseViews {

    private CaseViews() {
    }

    public record Summary(String id, String accountId, String state, String bucket, int daysPastDue, String amountOverdue,
                          String currency, String segment, String arm, int brokenPromises, OffsetDateTime needsAgentSince) {
    }

    public record Detail(String id, String accountId, String customerId, String product, String state, String arm, String segment, String bucket,
                         int daysPastDue, String statementId, LocalDate dueDate, String amountOverdue, String minimumDue,
                         String totalBalance, String currency, String escalation, int brokenPromises, int brokenPlans,
                         OffsetDateTime needsAgentSince, String activePlanId, OffsetDateTime openedAt, OffsetDateTime closedAt,
                         String closedReason, List<Step> steps, List<Contact> contacts, List<Call> calls, List<Promise> promises,
                         List<Plan> plans, List<Event> timeline) {
    }

    public record Step(String id, String kind, String channel, String templateId, String bucket, Integer ladderDay,
                       OffsetDateTime dueAt, String status, String reason, String fallbackOf, OffsetDateTime firedAt) {
    }

    public record Contact(String reminderId, String channel, String status, String reason, String providerMessageId, OffsetDateTime at) {
    }

    public record Call(String outcome, String note, String agent, OffsetDateTime at, String promiseId) {
    }

    public record Promise(String id, String amount, String currency, LocalDate promisedDate, String status, String paid,
                          String madeBy, OffsetDateTime madeAt) {
    }

    public record Plan(String id, PlanType type, String status, String total, String currency, String waivedInterest,
                       String waivedFees, String writtenOff, String agreedBy, OffsetDateTime agreedAt, List<Instalment> instalments) {
    }

    /** One money decision on the case, with the limits in force when it was taken. */
    public record AuditEntry(OffsetDateTime at, String actor, String authority, String action, String planId, String covered,
                             String toPay, String forgiven, String currency, String detail, String limits) {
    }

    public record Instalment(int seq, LocalDate dueDate, String amount) {
    }

    /** Terms as they would be agreed and the verdict on them: WITHIN_LIMITS, NEEDS_SUPERVISOR or BEYOND_ALL_LIMITS. */
    public record Preview(PlanType type, String verdict, Breach breach, String toPay, String covered, String forgiven,
                          String writtenOff, String waiverPercent, String currency, List<Instalment> instalments,
                          Limits agentLimits, Limits supervisorLimits) {
    }

    public record Breach(String limit, String asked, String allowed, String approver, String message) {
    }

    public record Limits(int maxInstalments, int maxFirstDueDays, int maxDeferralDays, String maxWaiverPercent,
                         String minSettlementPercent) {
    }

    /** A plan waiting for a supervisor, or decided by one. */
    public record Approval(String id, String caseId, String status, String limit, String reason, String requestedBy,
                           OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
                           String planId, PlanRequest terms) {
    }

    public record Event(OffsetDateTime at, String actor, String actorKind, String kind, String detail) {
    }

    static Summary summary(CollectionCase c) {
        return new Summary(c.id(), c.accountId(), c.state().name(), c.bucket(), c.daysPastDue(), Amounts.of(c.amountOverdue(), c.currency()), c.currency(), c.segment(), c.arm(),
                c.brokenPromises(), c.agentTaskSince());
    }

    static Preview preview(PlanPreview p) {
        PlanTerms t = p.terms();
        String verdict = p.breach().map(b -> b.approver() == null ? "BEYOND_ALL_LIMITS" : "NEEDS_SUPERVISOR").orElse("WITHIN_LIMITS");
        String currency = t.toPay().currencyCode();
        int[] seq = {1};
        return new Preview(t.type(), verdict, p.breach().map(b -> new Breach(b.limit(), b.asked(), b.allowed(), b.approver(), b.message()))
                .orElse(null), t.toPay().amount().toPlainString(), t.covered().amount().toPlainString(),
                t.forgiven().amount().toPlainString(), t.writtenOff().amount().toPlainString(), t.waiverPercent().toPlainString(), currency,
                t.instalments().stream().map(i -> new Instalment(seq[0]++, i.dueDate(), i.amount().amount().toPlainString())).toList(),
                limits(p.agentLimits()), limits(p.supervisorLimits()));
    }

    private static Limits limits(PlanLimits l) {
        return new Limits(l.maxInstalments(), l.maxFirstDueDays(), l.maxDeferralDays(), l.maxWaiverPercent().toPlainString(),
                l.minSettlementPercent().toPlainString());
    }

    static Approval approval(PlanApproval a, PlanRequest terms) {
        return new Approval(a.id, a.caseId, a.status.name(), a.limitName, a.reason, a.requestedBy, a.requestedAt, a.decidedBy,
                a.decidedAt, a.decisionNote, a.planId, terms);
    }

    static Plan plan(RepaymentPlan p) {
        return new Plan(p.id, p.type, p.status.name(), Amounts.of(p.total, p.currency), p.currency, Amounts.of(p.waivedInterest, p.currency),
                Amounts.of(p.waivedFees, p.currency), Amounts.of(p.writtenOff, p.currency), p.agreedBy, p.agreedAt,
                p.instalments.stream().map(i -> new Instalment(i.seq, i.dueDate, Amounts.of(i.amount, p.currency))).toList());
    }

    static AuditEntry audit(PlanAuditEntry e) {
        return new AuditEntry(e.at, e.actor, e.authority, e.action.name(), e.planId, Amounts.of(e.covered, e.currency),
                Amounts.of(e.toPay, e.currency), Amounts.of(e.forgiven, e.currency), e.currency,
                e.detail, e.limits);
    }

    static Detail detail(CaseQueries.CaseFile file) {
        CollectionCase c = file.collectionCase();
        return new Detail(c.id(), c.accountId(), c.customerId(), c.product(), c.state().name(), c.arm(), c.segment(), c.bucket(), c.daysPastDue(), c.statementId(),
                c.dueDate(), Amounts.of(c.amountOverdue(), c.currency()), Amounts.of(c.minimumDue(), c.currency()), Amounts.of(c.totalBalance(), c.currency()), c.currency(), c.escalation().name(), c.brokenPromises(),
                c.brokenPlans(), c.agentTaskSince(), c.activePlanId(), c.openedAt(), c.closedAt(), c.closedReason(),
                file.steps().stream().map(s -> new Step(s.id, s.kind.name(), s.channel == null ? null : s.channel.name(), s.templateId,
                        s.bucket, s.ladderDay, s.dueAt, s.status.name(), s.statusReason, s.fallbackOf, s.firedAt)).toList(),
                file.contacts().stream().map(r -> new Contact(r.reminderId(), r.channel(), r.status(), r.reason(), r.providerMessageId(), r.at())).toList(),
                file.agentContacts().stream().map(a -> new Call(a.outcome.name(), a.note, a.agent, a.at, a.promiseId)).toList(),
                file.promises().stream().map(p -> new Promise(p.id, Amounts.of(p.amount, p.currency), p.currency, p.promisedDate, p.status.name(),
                        Amounts.of(p.paid, p.currency),
                        p.madeBy, p.madeAt)).toList(),
                file.plans().stream().map(CaseViews::plan).toList(),
                file.timeline().stream().map(t -> new Event(t.at(), t.actor(), t.actorKind().name(), t.kind().name(), t.detail())).toList());
    }
}
