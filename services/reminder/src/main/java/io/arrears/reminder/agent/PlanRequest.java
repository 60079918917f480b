package io.arrears.reminder.agent;

import io.arrears.events.PlanType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A plan an agent negotiated. {@code amount} is what the plan covers (default: the amount overdue;
 * for a settlement, the total balance); {@code settlementAmount} is what a settlement pays instead.
 */
public record PlanRequest(
        @NotNull(message = "is required: INSTALMENTS, DEFERRAL or SETTLEMENT") PlanType type,
        @DecimalMin(value = "0.01", message = "must be at least 0.01") BigDecimal amount,
        @Min(value = 2, message = "must be at least 2") @Max(value = 120, message = "must be at most 120") Integer instalments,
        LocalDate firstDueDate,
        LocalDate payBy,
        @DecimalMin(value = "0.01", message = "must be at least 0.01") BigDecimal settlementAmount,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal waivedInterest,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal waivedFees) {
}
