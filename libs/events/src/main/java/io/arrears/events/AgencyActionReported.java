package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An agency's contact with a cardholder, allowed by the contact rules when it began and reported with its
 * outcome. Contact-channel counts an agency's calls with the bank's own, so the daily limits hold across
 * both; complaints keep it as evidence; the case's timeline shows it. {@code actedAt} is the bank's
 * clock when the agency asked to act, never a time the agency states.
 */
public record AgencyActionReported(
        String actionId,
        String placementId,
        String caseId,
        String accountId,
        String customerId,
        String agencyId,
        AgencyAction action,
        AgencyOutcome outcome,
        boolean conversation,
        BigDecimal promisedAmount,
        LocalDate promisedDate,
        String currency,
        OffsetDateTime actedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
