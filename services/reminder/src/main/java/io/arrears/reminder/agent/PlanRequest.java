package io.arrears.reminder.agent;

import io.arrears.events.PlanType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A plan an agent negotiated. {@code amount} is what the cardholder pays in all (default: the
 * amount overdue less any waivers); {@code settlementAmount} is what a settlement pays for the whole balance.
 * Both are judged against the case's own figures: paying less than the debt is a waiver like any other.
 */
public record PlanRequest(
        @NotNull(message = "is required: INSTALMENTS, DEFERRAL or SETTLEMENT") PlanType type,
        @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 4, message = MONEY) BigDecimal amount,
        @Min(value = 2, message = "must be at least 2") @Max(value = 120, message = "must be at most 120") Integer instalments,
        LocalDate firstDueDate,
        LocalDate payBy,
        @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 4, message = MONEY) BigDecimal settlementAmount,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 4, message = MONEY) BigDecimal waivedInterest,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 4, message = MONEY) BigDecimal waivedFees) {

    /** As the money columns hold them: numeric(19, 4). */
    static final String MONEY = "must have at most 15 digits before the point and 4 after";
}
