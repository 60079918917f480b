package io.arrears.events;

import java.time.OffsetDateTime;

/**
 * The account service would not put a plan in force, because its figures do not cover the arrears it
 * would settle on the account's own record. The plan's PlanAgreed is on the dead-letter topic with the
 * same reason; the reminder service takes the case out of the plan and back to an agent.
 */
public record PlanRejected(
        String planId,
        String caseId,
        String accountId,
        String reason,
        OffsetDateTime rejectedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
