package io.arrears.reminder.cases;

import io.arrears.reminder.negotiation.LimitExceeded;
import io.arrears.reminder.negotiation.PlanLimits;
import io.arrears.reminder.negotiation.PlanPolicy;
import io.arrears.reminder.negotiation.PlanTerms;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The audit trail of money decisions. A plan, its waivers and any override go in with the plan, in its
 * transaction; a refusal goes in a transaction of its own, because the request it refuses is rolled back.
 */
@ApplicationScoped
public class PlanAudit implements PanacheRepositoryBase<PlanAuditEntry, Long> {

    private final Clock clock;

    PlanAudit(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void agreed(String caseId, String planId, PlanTerms terms, String actor, PlanPolicy.Authority authority,
                       PlanPolicy policy) {
        PlanLimits inForce = policy.limitsOf(authority);
        add(caseId, planId, PlanAuditEntry.Action.PLAN_AGREED, terms, actor, authority, describe(terms), inForce);
        if (terms.forgiven().isPositive()) {
            add(caseId, planId, PlanAuditEntry.Action.WAIVER, terms, actor, authority,
                    "forgiven " + terms.forgiven() + " of " + terms.covered() + " (" + terms.waiverPercent() + "%): interest "
                            + terms.waivedInterest() + ", fees " + terms.waivedFees() + ", written off " + terms.writtenOff(),
                    inForce);
        }
        if (policy.overridesAgentLimit(terms, authority)) {
            LimitExceeded beyondAgent = policy.check(terms, PlanPolicy.Authority.AGENT).orElseThrow();
            add(caseId, planId, PlanAuditEntry.Action.LIMIT_OVERRIDE, terms, actor, authority,
                    "beyond the agent's limit: " + beyondAgent.limit() + " " + beyondAgent.asked() + " > " + beyondAgent.allowed(),
                    policy.agent());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String caseId, PlanTerms terms, String actor, PlanPolicy.Authority authority, PlanPolicy policy,
                        LimitExceeded breach) {
        add(caseId, null, PlanAuditEntry.Action.LIMIT_REFUSED, terms, actor, authority,
                describe(terms) + "; refused: " + breach.message(), policy.limitsOf(authority));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejectedDownstream(String caseId, String planId, String reason, String actor) {
        PlanAuditEntry entry = entry(caseId, planId, PlanAuditEntry.Action.PLAN_REJECTED, actor, "system");
        entry.detail = reason;
        entry.limits = "";
        persist(entry);
    }

    public List<PlanAuditEntry> of(String caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    private void add(String caseId, String planId, PlanAuditEntry.Action action, PlanTerms terms, String actor,
                     PlanPolicy.Authority authority, String detail, PlanLimits limits) {
        PlanAuditEntry entry = entry(caseId, planId, action, actor, authority.name());
        entry.covered = terms.covered().amount();
        entry.toPay = terms.toPay().amount();
        entry.forgiven = terms.forgiven().amount();
        entry.currency = terms.covered().currencyCode();
        entry.detail = detail;
        entry.limits = describe(limits);
        persist(entry);
    }

    private PlanAuditEntry entry(String caseId, String planId, PlanAuditEntry.Action action, String actor, String authority) {
        PlanAuditEntry entry = new PlanAuditEntry();
        entry.at = OffsetDateTime.now(clock);
        entry.actor = actor;
        entry.authority = authority;
        entry.caseId = caseId;
        entry.planId = planId;
        entry.action = action;
        return entry;
    }

    private static String describe(PlanTerms terms) {
        return terms.type() + ": " + terms.instalments().size() + " payment(s) of " + terms.toPay() + " in all from "
                + terms.instalments().get(0).dueDate() + " to " + terms.lastDueDate() + ", covering " + terms.covered();
    }

    static String describe(PlanLimits limits) {
        return "max-instalments=" + limits.maxInstalments() + ", max-first-due-days=" + limits.maxFirstDueDays()
                + ", max-deferral-days=" + limits.maxDeferralDays() + ", max-waiver-percent=" + limits.maxWaiverPercent().toPlainString()
                + ", min-settlement-percent=" + limits.minSettlementPercent().toPlainString();
    }
}
