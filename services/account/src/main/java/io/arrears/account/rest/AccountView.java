package io.arrears.account.rest;

import io.arrears.events.PlanType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An account as an agent sees it: its lateness as of the last closed business day, and its plan. */
public record AccountView(
        String accountId,
        String customerId,
        String currency,
        String status,
        int daysPastDue,
        String bucket,
        LocalDate pastDueSince,
        BigDecimal amountOverdue,
        BigDecimal totalBalance,
        LocalDate asOf,
        LocalDate nextReviewDate,
        Plan plan) {

    public record Plan(String planId, String caseId, PlanType type, String status, String agreedBy, OffsetDateTime agreedAt,
                       LocalDate endedOn, List<Instalment> instalments) {
    }

    public record Instalment(int seq, LocalDate dueDate, BigDecimal amount, BigDecimal paid) {
    }
}
