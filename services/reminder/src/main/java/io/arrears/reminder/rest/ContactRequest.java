package io.arrears.reminder.rest;

import io.arrears.reminder.cases.AgentContact;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ContactRequest(
        @NotNull(message = "is required: REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED, DISPUTE or PROMISE_TO_PAY") AgentContact.Outcome outcome,
        @Size(max = 2000, message = "must be at most 2000 characters") String note,
        @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits before the point and 4 after") BigDecimal promisedAmount,
        LocalDate promisedDate) {
}
