package io.arrears.reminder.agent;

/** A supervisor may not decide this request: it is their own, and an override needs a second pair of eyes. 403. */
public class ApprovalRefused extends RuntimeException {
    public ApprovalRefused(String message) {
        super(message);
    }
}
