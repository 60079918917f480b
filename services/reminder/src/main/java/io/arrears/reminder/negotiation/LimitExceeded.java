package io.arrears.reminder.negotiation;

/**
 * Terms beyond the caller's limit. {@code approver} is the role that may agree them, or null when no role may.
 */
public record LimitExceeded(String limit, String asked, String allowed, String approver) {

    public String message() {
        return limit + " " + asked + " is beyond the allowed " + allowed
                + (approver == null ? "; no role may agree this" : "; a " + approver + " must agree this plan");
    }
}
