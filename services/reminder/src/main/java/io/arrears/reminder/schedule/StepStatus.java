package io.arrears.reminder.schedule;

/** PENDING and SUSPENDED steps may still fire; every other status is final or awaits contact-channel. */
public enum StepStatus {
    PENDING, SUSPENDED, REQUESTED, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN, DONE, SKIPPED, CANCELLED;

    public boolean isOpen() {
        return this == PENDING || this == SUSPENDED;
    }
}
