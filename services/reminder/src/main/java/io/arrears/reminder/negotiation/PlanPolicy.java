package io.arrears.reminder.negotiation;

import java.util.Optional;

/** The limits of an agent and of a supervisor; a plan beyond the supervisor's is not agreed by anyone. */
public record PlanPolicy(PlanLimits agent, PlanLimits supervisor) {

    public enum Authority { AGENT, SUPERVISOR }

    public Optional<LimitExceeded> check(PlanTerms terms, Authority authority) {
        PlanLimits own = authority == Authority.SUPERVISOR ? supervisor : agent;
        Optional<LimitExceeded> beyondOwn = check(terms, own, authority == Authority.AGENT ? "supervisor" : null);
        if (beyondOwn.isPresent() && authority == Authority.AGENT && check(terms, supervisor, null).isPresent()) {
            return check(terms, supervisor, null).map(e -> new LimitExceeded(e.limit(), e.asked(), e.allowed(), null));
        }
        return beyondOwn;
    }

    private static Optional<LimitExceeded> check(PlanTerms terms, PlanLimits limits, String approver) {
        if (terms.instalments().size() > limits.maxInstalments()) {
            return Optional.of(new LimitExceeded("max-instalments", String.valueOf(terms.instalments().size()),
                    String.valueOf(limits.maxInstalments()), approver));
        }
        if (terms.deferralDays() > limits.maxDeferralDays()) {
            return Optional.of(new LimitExceeded("max-deferral-days", terms.deferralDays() + " days",
                    limits.maxDeferralDays() + " days", approver));
        }
        if (terms.waiverPercent().compareTo(limits.maxWaiverPercent()) > 0) {
            return Optional.of(new LimitExceeded("max-waiver-percent", terms.waiverPercent().toPlainString() + "%",
                    limits.maxWaiverPercent().toPlainString() + "%", approver));
        }
        return Optional.empty();
    }
}
