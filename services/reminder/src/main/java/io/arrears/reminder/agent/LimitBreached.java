package io.arrears.reminder.agent;

import io.arrears.reminder.negotiation.LimitExceeded;

/** A plan beyond the caller's authority: 403, naming the limit. */
public class LimitBreached extends RuntimeException {

    private final LimitExceeded limit;

    public LimitBreached(LimitExceeded limit) {
        super(limit.message());
        this.limit = limit;
    }

    public LimitExceeded limit() {
        return limit;
    }
}
