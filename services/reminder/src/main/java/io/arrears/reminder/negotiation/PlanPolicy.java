package io.arrears.reminder.negotiation;

import io.arrears.events.PlanType;

import java.util.Optional;

/** The limits of an agent and of a supervisor; a plan beyond the supervisor's is not agreed by anyone. */
public record PlanPolicy(PlanLimits agent, PlanLimits supervisor) {

    public enum Authority { AGENT, SUPERVISOR }

    /** The first limit of the caller's the terms go beyond; it names the supervisor when they could agree it. */
    public Optional<LimitExceeded> check(PlanTerms terms, Authority authority) {
        Optional<LimitExceeded> beyondSupervisor = check(terms, supervisor, null);
        if (authority == Authority.SUPERVISOR || beyondSupervisor.isPresent()) {
            return beyondSupervisor;
        }
        return check(terms, agent, "supervisor");
    }

    /** The limits in force for a role, as the audit trail records them beside what was agreed. */
    public PlanLimits limitsOf(Authority authority) {
        return authority == Authority.SUPERVISOR ? supervisor : agent;
    }

    /** Whether a supervisor agreed what an agent could not have: an override the audit trail names. */
    public boolean overridesAgentLimit(PlanTerms terms, Authority authority) {
        return authority == Authority.SUPERVISOR && check(terms, agent, null).isPresent();
    }

    private static Optional<LimitExceeded> check(PlanTerms terms, PlanLimits limits, String approver) {
        if (terms.instalments().size() > limits.maxInstalments()) {
            return Optional.of(new LimitExceeded("max-instalments", String.valueOf(terms.instalments().size()),
                    String.valueOf(limits.maxInstalments()), approver));
        }
        long untilFirst = terms.daysToFirstPayment();
        if (terms.type() == PlanType.INSTALMENTS && untilFirst > limits.maxFirstDueDays()) {
            return Optional.of(new LimitExceeded("max-first-due-days", untilFirst + " days", limits.maxFirstDueDays() + " days",
                    approver));
        }
        if (terms.type() != PlanType.INSTALMENTS && untilFirst > limits.maxDeferralDays()) {
            return Optional.of(new LimitExceeded("max-deferral-days", untilFirst + " days", limits.maxDeferralDays() + " days",
                    approver));
        }
        if (terms.waiverPercent().compareTo(limits.maxWaiverPercent()) > 0) {
            return Optional.of(new LimitExceeded("max-waiver-percent", terms.waiverPercent().toPlainString() + "%",
                    limits.maxWaiverPercent().toPlainString() + "%", approver));
        }
        if (terms.type() == PlanType.SETTLEMENT
                && terms.paidPercent().compareTo(limits.minSettlementPercent()) < 0) {
            return Optional.of(new LimitExceeded("min-settlement-percent", terms.paidPercent().toPlainString() + "%",
                    limits.minSettlementPercent().toPlainString() + "%", approver));
        }
        return Optional.empty();
    }
}
