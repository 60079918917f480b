package io.arrears.reminder.schedule;

/**
 * PENDING and SUSPENDED steps may still fire; every other status is final or awaits contact-channel.
 * PARKED: firing it failed in a way that would fail again (a bug, data it cannot handle); it waits for
 * a person, with the reason, so that the steps behind it fire.
 */
public enum StepStatus {
    PENDING, SUSPENDED, REQUESTED, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN, DONE, SKIPPED, CANCELLED, PARKED;

    public boolean isOpen() {
        return this == PENDING || this == SUSPENDED;
    }
}
