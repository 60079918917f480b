package io.arrears.contact.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ConsentRequest(
        @NotNull(message = "is required: true to grant the channel, false to withdraw it") Boolean granted,
        @NotBlank(message = "is required: say why, e.g. what the cardholder asked for and how")
        @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
}
