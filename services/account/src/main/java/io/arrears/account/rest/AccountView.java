package io.arrears.account.rest;

import io.arrears.account.ledger.Instalment;
import io.arrears.events.PlanType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An account as an agent sees it: its lateness as of the last closed business day, and its plan. Money as decimal strings. */
public record AccountView(
        String accountId,
        String customerId,
        String currency,
        String status,
        int daysPastDue,
        String bucket,
        LocalDate pastDueSince,
        String amountOverdue,
        String totalBalance,
        LocalDate asOf,
        LocalDate nextReviewDate,
        Plan plan) {

    public record Plan(String planId, String caseId, PlanType type, String status, String waivedInterest, String waivedFees,
                       String writtenOff, String agreedBy, OffsetDateTime agreedAt, LocalDate endedOn, List<Instalment> instalments) {
    }

    public record Instalment(int seq, LocalDate dueDate, String amount, String paid) {
    }
}
