package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

public record PaymentDueSoon(
        String accountId,
        String customerId,
        String statementId,
        LocalDate dueDate,
        BigDecimal minimumDue,
        BigDecimal amountStillDue,
        String currency) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
