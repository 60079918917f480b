package io.arrears.complaint.rest;

import io.arrears.events.ComplaintCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ComplaintRequest(
        @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String accountId,
        @NotNull(message = "is required: HARASSMENT, CONTACT_TIME, WRONG_AMOUNT, NOT_MY_DEBT, FRAUD_SUSPECTED, PRIVACY, AGENT_CONDUCT, SERVICE or OTHER")
        ComplaintCategory category,
        @NotBlank(message = "is required: what happened, in the cardholder's words") @Size(max = 10000, message = "must be at most 10000 characters")
        String description,
        @NotNull(message = "is required: PHONE, EMAIL, LETTER, BRANCH, APP or REGULATOR")
        @Pattern(regexp = "PHONE|EMAIL|LETTER|BRANCH|APP|REGULATOR", message = "must be PHONE, EMAIL, LETTER, BRANCH, APP or REGULATOR")
        String channel,
        @Size(max = 50, message = "must list at most 50 references") List<@NotBlank(message = "must not be blank") String> evidenceRefs,
        @Size(max = 64, message = "must be at most 64 characters") String cardholderTimezone) {
}
