package io.arrears.agency.rest;

import io.arrears.events.AgencyOutcome;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What came of an allowed action; a promise to pay names its amount and date. */
public record OutcomeRequest(
        @NotNull(message = "is required, e.g. CONVERSATION, PROMISE_TO_PAY, NO_ANSWER, SENT") AgencyOutcome outcome,
        @Digits(integer = 15, fraction = 2, message = "must be an amount with at most 2 decimals") BigDecimal promisedAmount,
        LocalDate promisedDate) {
}
