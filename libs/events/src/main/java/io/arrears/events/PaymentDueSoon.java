package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A minimum is due soon and not yet paid. {@code cardLast4} is the card's last four digits, null when core banking sends none. */
public record PaymentDueSoon(
        String accountId,
        String customerId,
        String statementId,
        LocalDate dueDate,
        BigDecimal minimumDue,
        BigDecimal amountStillDue,
        String currency,
        String cardLast4) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
