package io.arrears.reminder.agent;

import io.arrears.reminder.negotiation.LimitExceeded;
import io.arrears.reminder.negotiation.PlanLimits;
import io.arrears.reminder.negotiation.PlanTerms;

import java.util.Optional;

/**
 * Terms as they would be agreed, and the first of the caller's limits they pass, if any; with the limits of
 * both roles, so that the agent sees why a plan needs a supervisor before asking for one.
 */
public record PlanPreview(PlanTerms terms, Optional<LimitExceeded> breach, PlanLimits agentLimits, PlanLimits supervisorLimits) {
}
