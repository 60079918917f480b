package io.arrears.agency.performance;

import java.math.BigDecimal;

/**
 * One agency's record over a period. {@code refused}: actions the contact rules refused (violations
 * prevented); {@code complaints}: placements recalled because the cardholder complained; {@code claimed}:
 * what the agency says it collected, beside {@code collected}, what the bank received.
 */
public record Scorecard(String agencyId, String name, long placed, long active, long contacted, long actions, long conversations,
                        long promises, long cured, long complaints, long refused, BigDecimal collected, BigDecimal claimed,
                        BigDecimal commission, String currency) {
}
