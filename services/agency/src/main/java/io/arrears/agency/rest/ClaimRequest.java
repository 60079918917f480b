package io.arrears.agency.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the agency says it collected, with its own reference for the payment. */
public record ClaimRequest(
        @NotBlank(message = "is required: the agency's reference for the payment") @Size(max = 128, message = "must be at most 128 characters") String reference,
        @NotNull(message = "is required") @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 15, fraction = 2, message = "must be an amount with at most 2 decimals") BigDecimal amount,
        @NotNull(message = "is required") LocalDate collectedOn) {
}
