package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Core banking closed a statement cycle. {@code minimumDue} is this cycle's own minimum, without arrears carried from earlier cycles.
 * {@code product} (optional) is the card product code, which collection strategies may segment on. */
public record StatementIssued(
        String accountId,
        String customerId,
        String statementId,
        LocalDate statementDate,
        LocalDate dueDate,
        BigDecimal statementBalance,
        BigDecimal minimumDue,
        String currency,
        String product) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
