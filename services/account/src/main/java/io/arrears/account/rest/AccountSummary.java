package io.arrears.account.rest;


public record AccountSummary(String accountId, String customerId, String status, String bucket, int daysPastDue,
                             String amountOverdue, String currency) {
}
