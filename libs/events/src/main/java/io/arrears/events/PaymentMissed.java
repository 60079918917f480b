package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An account went past due, moved to a worse delinquency bucket, or broke a repayment plan.
 * {@code statementId}, {@code dueDate} and {@code minimumDue} describe the oldest unpaid obligation.
 * {@code product} is the card product from the latest statement, null when core banking sends none;
 * {@code cardLast4} likewise the last four digits of the card, for messages to name it.
 */
public record PaymentMissed(
        String accountId,
        String customerId,
        String statementId,
        LocalDate dueDate,
        BigDecimal amountOverdue,
        BigDecimal minimumDue,
        BigDecimal totalBalance,
        String currency,
        int daysPastDue,
        String bucket,
        MissedReason reason,
        String planId,
        String product,
        String cardLast4) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
