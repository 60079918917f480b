package io.arrears.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Core banking closed a statement cycle. {@code minimumDue} is this cycle's own minimum, without arrears carried from earlier cycles.
 * {@code product} (optional) is the card product code, which collection strategies may segment on.
 * {@code cardLast4} (optional) is the last four digits of the card number the cardholder knows; messages
 * name the card by them, and say "your credit card" when core banking does not send them. */
public record StatementIssued(
        String accountId,
        String customerId,
        String statementId,
        LocalDate statementDate,
        LocalDate dueDate,
        BigDecimal statementBalance,
        BigDecimal minimumDue,
        String currency,
        String product,
        String cardLast4) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
