package io.arrears.reminder.agent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ContactRequest(
        @NotNull(message = "is required: REACHED, NO_ANSWER, WRONG_NUMBER, REFUSED, DISPUTE or PROMISE_TO_PAY") AgentContact.Outcome outcome,
        @Size(max = 2000, message = "must be at most 2000 characters") String note,
        BigDecimal promisedAmount,
        LocalDate promisedDate) {
}
