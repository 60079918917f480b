package io.arrears.reminder.agent;

import io.arrears.events.Money;
import io.arrears.events.PlanAgreed;
import io.arrears.events.TimeOrderedIds;
import io.arrears.messaging.Outbox;
import io.arrears.reminder.cases.Actor;
import io.arrears.reminder.cases.CaseTimeline;
import io.arrears.reminder.cases.CollectionCase;
import io.arrears.reminder.cases.PlanAudit;
import io.arrears.reminder.cases.PlanInstalment;
import io.arrears.reminder.cases.PlanRepository;
import io.arrears.reminder.cases.PromiseRepository;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.ReminderMetrics;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.cases.TimelineKind;
import io.arrears.reminder.lifecycle.CaseLifecycle;
import io.arrears.reminder.negotiation.CaseDebt;
import io.arrears.reminder.negotiation.InstalmentSchedule;
import io.arrears.reminder.negotiation.PlanPolicy;
import io.arrears.reminder.negotiation.PlanRefused;
import io.arrears.reminder.negotiation.PlanTerms;
import io.arrears.reminder.schedule.StepKind;
import io.arrears.reminder.schedule.StepStatus;
import io.arrears.reminder.schedule.Treatment;
import io.arrears.reminder.strategy.TreatmentStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Agrees a repayment plan: checks the terms against the caller's limits, stores the plan, moves the
 * case into it and publishes PlanAgreed, all in one transaction.
 */
@ApplicationScoped
public class Negotiation {

    private final AgentWork agentWork;
    private final PlanRepository plans;
    private final PromiseRepository promises;
    private final CaseLifecycle lifecycle;
    private final CaseTimeline timeline;
    private final Treatment treatment;
    private final TreatmentStrategy strategy;
    private final PlanPolicy policy;
    private final Outbox outbox;
    private final ReminderMetrics metrics;
    private final PlanAudit audit;

    Negotiation(AgentWork agentWork, PlanRepository plans, PromiseRepository promises, CaseLifecycle lifecycle, CaseTimeline timeline,
                Treatment treatment, TreatmentStrategy strategy, PlanPolicy policy, Outbox outbox, ReminderMetrics metrics,
                PlanAudit audit) {
        this.agentWork = agentWork;
        this.plans = plans;
        this.promises = promises;
        this.lifecycle = lifecycle;
        this.timeline = timeline;
        this.treatment = treatment;
        this.strategy = strategy;
        this.policy = policy;
        this.outbox = outbox;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Transactional
    public RepaymentPlan agree(String caseId, PlanRequest request, String agent, PlanPolicy.Authority authority) {
        CollectionCase c = agentWork.lockedCase(caseId);
        c.requirePlanPossible();
        Actor actor = Actor.agent(agent);
        PlanTerms terms = terms(c, request);
        policy.check(terms, authority).ifPresent(breach -> {
            audit.refused(c.id(), terms, agent, authority, policy, breach);
            throw new LimitBreached(breach);
        });
        RepaymentPlan plan = store(c, terms, agent);
        audit.agreed(c.id(), plan.id, terms, agent, authority, policy);
        lifecycle.withdrawWaitingApproval(c, "plan " + plan.id + " agreed", actor);
        promises.openFor(c.id()).ifPresent(p -> lifecycle.settlePromise(c, p, PromiseToPay.Status.SUPERSEDED, actor));
        int stopped = treatment.cancel(c, s -> s.kind == StepKind.LADDER, StepStatus.CANCELLED, "plan " + plan.id + " agreed");
        c.agreePlan(plan.id);
        timeline.record(c.id(), actor, TimelineKind.PLAN, terms.type() + " plan " + plan.id + " agreed: " + terms.instalments().size()
                + " payment(s) of " + terms.toPay() + " in all, last on " + terms.lastDueDate()
                + (terms.forgiven().isPositive() ? ", " + terms.forgiven() + " forgiven" : "")
                + (stopped > 0 ? "; the ladder stops (" + stopped + " step(s) cancelled)" : ""));
        lifecycle.refresh(c, actor);
        for (PlanInstalment instalment : plan.instalments) {
            treatment.remindBefore(c, StepKind.PLAN_REMINDER, strategy.planReminder(), instalment.dueDate, plan.id + "#" + instalment.seq);
        }
        outbox.add(new PlanAgreed(plan.id, c.id(), c.accountId(), terms.type(),
                terms.instalments().stream().map(i -> new PlanAgreed.Instalment(i.dueDate(), i.amount().amount())).toList(),
                terms.waivedInterest().amount(), terms.waivedFees().amount(), terms.writtenOff().amount(), c.currency(), agent,
                plan.agreedAt));
        metrics.plan("agreed", c.arm());
        return plan;
    }

    /**
     * What the terms would be and whose limits they are within, without agreeing anything: the agent's live preview.
     * The same judgement as {@link #agree}, on the same figures.
     */
    @Transactional
    public PlanPreview preview(String caseId, PlanRequest request, PlanPolicy.Authority authority) {
        CollectionCase c = agentWork.openCase(caseId);
        c.requirePlanPossible();
        PlanTerms terms = terms(c, request);
        return new PlanPreview(terms, policy.check(terms, authority), policy.limitsOf(PlanPolicy.Authority.AGENT),
                policy.limitsOf(PlanPolicy.Authority.SUPERVISOR));
    }

    /** The terms against the case's own figures: the request says how the cardholder pays, never what is owed. */
    PlanTerms terms(CollectionCase c, PlanRequest request) {
        CaseDebt debt = new CaseDebt(money(c.amountOverdue(), c.currency(), "amountOverdue"), money(c.totalBalance(), c.currency(), "totalBalance"));
        Money waivedInterest = money(request.waivedInterest(), c.currency(), "waivedInterest");
        Money waivedFees = money(request.waivedFees(), c.currency(), "waivedFees");
        Money amount = request.amount() == null ? null : money(request.amount(), c.currency(), "amount");
        LocalDate today = treatment.today();
        return switch (request.type()) {
            case INSTALMENTS -> {
                if (request.instalments() == null) {
                    throw new PlanRefused("instalments", "is required for INSTALMENTS");
                }
                yield PlanTerms.instalments(debt, amount, request.instalments(),
                        request.firstDueDate() == null ? today.plusMonths(1) : request.firstDueDate(), waivedInterest, waivedFees, today);
            }
            case DEFERRAL -> PlanTerms.deferral(debt, amount, request.payBy(), waivedInterest, waivedFees, today);
            case SETTLEMENT -> {
                if (request.settlementAmount() == null) {
                    throw new PlanRefused("settlementAmount", "is required for SETTLEMENT");
                }
                if (amount != null) {
                    throw new PlanRefused("amount", "a settlement covers the whole balance of the case;"
                            + " what the cardholder pays is settlementAmount");
                }
                yield PlanTerms.settlement(debt, money(request.settlementAmount(), c.currency(), "settlementAmount"), request.payBy(),
                        waivedInterest, waivedFees, today);
            }
        };
    }

    private static Money money(BigDecimal amount, String currency, String field) {
        try {
            return Money.of(amount == null ? BigDecimal.ZERO : amount, currency);
        } catch (ArithmeticException e) {
            throw new PlanRefused(field, "has more decimals than " + currency + " allows");
        }
    }

    private RepaymentPlan store(CollectionCase c, PlanTerms terms, String agent) {
        RepaymentPlan plan = new RepaymentPlan();
        plan.id = "PLAN-" + TimeOrderedIds.next();
        plan.caseId = c.id();
        plan.accountId = c.accountId();
        plan.type = terms.type();
        plan.moveTo(RepaymentPlan.Status.ACTIVE);
        plan.total = terms.toPay().amount();
        plan.currency = c.currency();
        plan.waivedInterest = terms.waivedInterest().amount();
        plan.waivedFees = terms.waivedFees().amount();
        plan.writtenOff = terms.writtenOff().amount();
        plan.agreedBy = agent;
        plan.agreedAt = treatment.now();
        int seq = 1;
        for (InstalmentSchedule.Instalment i : terms.instalments()) {
            PlanInstalment instalment = new PlanInstalment();
            instalment.planId = plan.id;
            instalment.seq = seq++;
            instalment.dueDate = i.dueDate();
            instalment.amount = i.amount().amount();
            plan.instalments.add(instalment);
        }
        plans.persist(plan);
        plans.flush();
        return plan;
    }
}
