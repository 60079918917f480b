package io.arrears.contact.dispatch;

/** An attempt that is due, and the account whose lock it will take. */
record DueAttempt(String reminderId, String accountId) {

    /** Logs name the reminder, never the account. */
    @Override
    public String toString() {
        return reminderId;
    }
}
