package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A repayment plan negotiated with the cardholder; the instalment amounts sum exactly to the agreed total. */
public record PlanAgreed(
        String planId,
        String caseId,
        String accountId,
        PlanType type,
        List<Instalment> instalments,
        BigDecimal waivedInterest,
        BigDecimal waivedFees,
        String currency,
        String agreedBy,
        OffsetDateTime agreedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }

    public record Instalment(LocalDate dueDate, BigDecimal amount) {
    }
}
