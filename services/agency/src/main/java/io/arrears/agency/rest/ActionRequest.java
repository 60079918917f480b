package io.arrears.agency.rest;

import io.arrears.events.AgencyAction;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An agency asks to act. {@code number}: for a call or text, the number it will dial (one of the cardholder's own). */
public record ActionRequest(
        @NotNull(message = "is required: CALL, SMS, LETTER or VISIT") AgencyAction action,
        @Size(max = 40, message = "must be at most 40 characters") String number) {
}
