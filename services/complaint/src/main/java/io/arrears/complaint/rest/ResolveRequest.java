package io.arrears.complaint.rest;

import io.arrears.events.ComplaintOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ResolveRequest(
        @NotNull(message = "is required: UPHELD, PARTIALLY_UPHELD or REJECTED") ComplaintOutcome outcome,
        @NotBlank(message = "is required: what the bank does about it, or why it does nothing") @Size(max = 10000, message = "must be at most 10000 characters")
        String remedy) {
}
