package io.arrears.complaint.rest;

import io.arrears.complaint.handling.Complaints;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record EscalateRequest(
        @NotNull(message = "is required: SUPERVISOR or REGULATOR_REFERRAL") Complaints.EscalationTarget target,
        @Size(max = 128, message = "must be at most 128 characters") String reference,
        @Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
