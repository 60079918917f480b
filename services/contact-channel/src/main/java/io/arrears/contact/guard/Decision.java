package io.arrears.contact.guard;

import io.arrears.events.SuppressionReason;

import java.time.Instant;

/**
 * The guard's answer for one attempt. {@code rule} names what decided: ALLOWED for a send, a
 * {@link SuppressionReason} for a suppression, CONTACT_WINDOW or DAILY_CAP for a deferral.
 */
public record Decision(Verdict verdict, String rule, String detail, Instant until) {

    public enum Verdict { SEND, DEFER, SUPPRESS }

    public static final String ALLOWED = "ALLOWED";
    public static final String CONTACT_WINDOW = "CONTACT_WINDOW";
    public static final String DAILY_CAP = "DAILY_CAP";
    public static final String AWAITING_CONTACT_DATA = "AWAITING_CONTACT_DATA";

    static Decision send() {
        return new Decision(Verdict.SEND, ALLOWED, null, null);
    }

    static Decision suppress(SuppressionReason reason, String detail) {
        return new Decision(Verdict.SUPPRESS, reason.name(), detail, null);
    }

    static Decision defer(String rule, String detail, Instant until) {
        return new Decision(Verdict.DEFER, rule, detail, until);
    }

    /** The reason text of a SUPPRESSED ReminderSent: the code, then the detail. */
    public String reason() {
        return detail == null ? rule : rule + ": " + detail;
    }
}
