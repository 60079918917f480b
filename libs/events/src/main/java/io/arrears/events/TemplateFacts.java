package io.arrears.events;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a reminder's template may say, as typed values: identifiers, amounts at the currency's scale,
 * dates and counts. There is no free text, so nothing a producer writes is pasted into a message to a
 * cardholder; on the wire every value is a string the schema checks against its pattern. Absent values
 * are null and left out.
 */
public record TemplateFacts(
        String caseId,
        String planId,
        String customerId,
        String statementId,
        String currency,
        BigDecimal amountOverdue,
        BigDecimal minimumDue,
        BigDecimal totalBalance,
        BigDecimal amountStillDue,
        BigDecimal instalmentAmount,
        BigDecimal promisedAmount,
        LocalDate dueDate,
        LocalDate instalmentDueDate,
        LocalDate promisedDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Integer daysPastDue,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Integer instalmentNumber,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Integer instalmentCount,
        String bucket,
        String cardLast4) {

    public static final TemplateFacts NONE = new TemplateFacts(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    /** A case's standing: what it owes and how late. */
    public static TemplateFacts ofCase(String caseId, String currency, BigDecimal amountOverdue, BigDecimal minimumDue,
                                       BigDecimal totalBalance, LocalDate dueDate, int daysPastDue, String bucket, String cardLast4) {
        return new TemplateFacts(caseId, null, null, null, currency, amountOverdue, minimumDue, totalBalance, null, null, null,
                dueDate, null, null, daysPastDue, null, null, bucket, cardLast4);
    }

    /** A statement falling due, before any case exists. */
    public static TemplateFacts ofStatement(String customerId, String statementId, String currency, BigDecimal minimumDue,
                                            BigDecimal amountStillDue, LocalDate dueDate, String cardLast4) {
        return new TemplateFacts(null, null, customerId, statementId, currency, null, minimumDue, null, amountStillDue, null, null,
                dueDate, null, null, null, null, null, null, cardLast4);
    }

    public TemplateFacts withPromise(BigDecimal amount, LocalDate date) {
        return new TemplateFacts(caseId, planId, customerId, statementId, currency, amountOverdue, minimumDue, totalBalance,
                amountStillDue, instalmentAmount, amount, dueDate, instalmentDueDate, date, daysPastDue, instalmentNumber,
                instalmentCount, bucket, cardLast4);
    }

    public TemplateFacts withInstalment(String plan, int number, int count, BigDecimal amount, LocalDate due) {
        return new TemplateFacts(caseId, plan, customerId, statementId, currency, amountOverdue, minimumDue, totalBalance,
                amountStillDue, amount, promisedAmount, dueDate, due, promisedDate, daysPastDue, number, count, bucket, cardLast4);
    }

    /** The same facts without the customer's id, which travels in the event itself. */
    public TemplateFacts withoutCustomerId() {
        return new TemplateFacts(caseId, planId, null, statementId, currency, amountOverdue, minimumDue, totalBalance,
                amountStillDue, instalmentAmount, promisedAmount, dueDate, instalmentDueDate, promisedDate, daysPastDue,
                instalmentNumber, instalmentCount, bucket, cardLast4);
    }
}
