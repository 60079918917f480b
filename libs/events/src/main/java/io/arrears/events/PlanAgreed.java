package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A repayment plan negotiated with the cardholder; the instalment amounts sum exactly to the agreed total.
 * The arrears the plan settles are covered by the instalments, the waived interest and fees, and what was
 * written off ({@code writtenOff}, a settlement's discount or a shortfall a supervisor agreed); the account
 * service refuses a plan whose figures do not cover them.
 */
public record PlanAgreed(
        String planId,
        String caseId,
        String accountId,
        PlanType type,
        List<Instalment> instalments,
        BigDecimal waivedInterest,
        BigDecimal waivedFees,
        BigDecimal writtenOff,
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
