package io.arrears.agency.rest;

import io.arrears.events.RecallReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A supervisor's recall: SUPERVISOR, or NON_PERFORMANCE to move the account on to another agency. */
public record RecallRequest(
        @NotNull(message = "is required: SUPERVISOR or NON_PERFORMANCE") RecallReason reason,
        @NotBlank(message = "is required: why the account comes back") @Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
