package io.arrears.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why contact-channel did not contact a cardholder. A SUPPRESSED ReminderSent carries the code first,
 * then a colon and a detail for people ({@code "OPTED_OUT: SMS opt-out by reply STOP on 2026-11-02"}),
 * so consumers decide on the code and show the whole text.
 */
public enum SuppressionReason {
    /** The customer has no phone, email or postal address for this channel; another channel may still work. */
    NO_CONTACT_POINT,
    /** The cardholder opted out of this channel. */
    OPTED_OUT,
    /** The channel needs a consent the cardholder has not given. */
    NO_CONSENT,
    /** The account or customer is flagged do-not-contact. */
    DO_NOT_CONTACT,
    /** A complaint that holds contact is open for the account. */
    COMPLAINT_HOLD,
    /** The policy pack's cap on attempts per channel in its window is reached. */
    FREQUENCY_CAP,
    /** The notice lost its point before it could lawfully go out (its due date or promise has passed). */
    EXPIRED;

    public String reason(String detail) {
        return detail == null || detail.isBlank() ? name() : name() + ": " + detail;
    }

    /** The code a reason text starts with, if it starts with one. */
    public static Optional<SuppressionReason> codeOf(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        int colon = reason.indexOf(':');
        String code = (colon < 0 ? reason : reason.substring(0, colon)).trim();
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
    }
}
