package io.arrears.account.rest;

import java.math.BigDecimal;

public record AccountSummary(String accountId, String customerId, String status, String bucket, int daysPastDue,
                             BigDecimal amountOverdue, String currency) {
}
