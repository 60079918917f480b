package io.arrears.events;

import java.math.BigDecimal;

/** A payment reached a delinquent account; {@code cured} when nothing is overdue any more. */
public record PaymentReceived(
        String accountId,
        String paymentId,
        BigDecimal amount,
        BigDecimal remainingOverdue,
        String currency,
        boolean cured) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
