package io.arrears.reminder.strategy;

import java.math.BigDecimal;

/** What segmentation looks at. {@code product} is null when core banking does not send one. */
public record CaseFacts(BigDecimal amountOverdue, int daysPastDue, String product, int brokenPromises) {
}
