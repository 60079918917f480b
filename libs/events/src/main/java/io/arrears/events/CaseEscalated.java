package io.arrears.events;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record CaseEscalated(
        String caseId,
        String accountId,
        EscalationTarget target,
        String reason,
        int daysPastDue,
        BigDecimal amountOverdue,
        String currency,
        OffsetDateTime escalatedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
