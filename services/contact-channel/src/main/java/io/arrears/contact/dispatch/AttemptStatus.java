package io.arrears.contact.dispatch;

/**
 * PENDING and DEFERRED attempts wait for their time; SENDING is handed to the provider right now (or
 * was, when a crash interrupted it); the rest are final, but for SENT and UNKNOWN, which a provider's
 * receipt may still turn into DELIVERED or FAILED.
 */
public enum AttemptStatus {
    PENDING, DEFERRED, SENDING, SENT, DELIVERED, FAILED, SUPPRESSED, UNKNOWN;

    public boolean awaitsReceipt() {
        return this == SENT || this == UNKNOWN;
    }
}
