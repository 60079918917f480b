package io.arrears.events;

import java.time.OffsetDateTime;

/** A placement ended: the agency may no longer act on the account, and what it collects earns nothing more. */
public record AccountRecalled(
        String placementId,
        String caseId,
        String accountId,
        String agencyId,
        RecallReason reason,
        String detail,
        OffsetDateTime recalledAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
