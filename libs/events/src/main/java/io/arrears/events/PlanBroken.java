package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

public record PlanBroken(
        String planId,
        String accountId,
        LocalDate missedInstalmentDueDate,
        BigDecimal missedAmount,
        String currency) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
