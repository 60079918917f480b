package io.arrears.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case was placed with an outsourced collection agency on the bank's whitelist. It carries no personal
 * data: the agency reads the little its contract allows from the agency API, and only while the placement
 * is active. {@code arm}: CHAMPION or CHALLENGER when more than one agency qualified, ONLY otherwise.
 */
public record AccountPlaced(
        String placementId,
        String caseId,
        String accountId,
        String agencyId,
        String bucket,
        int daysPastDue,
        BigDecimal amountOverdue,
        String currency,
        String arm,
        OffsetDateTime placedAt,
        OffsetDateTime placedUntil) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
