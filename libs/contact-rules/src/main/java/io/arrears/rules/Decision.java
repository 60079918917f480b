package io.arrears.rules;

import io.arrears.events.SuppressionReason;

import java.time.Instant;

/**
 * The guard's answer for one attempt. {@code rule} names what decided: ALLOWED for a send, a
 * {@link SuppressionReason} for a suppression; for a deferral CONTACT_WINDOW, DAILY_CAP, or a call rule:
 * AFTER_CONVERSATION, UNANSWERED_CALLS, CONVERSATIONS.
 */
public record Decision(Verdict verdict, String rule, String detail, Instant until) {

    public enum Verdict { SEND, DEFER, SUPPRESS }

    public static final String ALLOWED = "ALLOWED";
    public static final String CONTACT_WINDOW = "CONTACT_WINDOW";
    public static final String DAILY_CAP = "DAILY_CAP";
    public static final String AFTER_CONVERSATION = "AFTER_CONVERSATION";
    public static final String UNANSWERED_CALLS = "UNANSWERED_CALLS";
    public static final String CONVERSATIONS = "CONVERSATIONS";
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
