package io.arrears.events;

import java.time.OffsetDateTime;

/** A complaint ended; when it held contact, the hold is released. */
public record ComplaintResolved(
        String complaintId,
        String accountId,
        ComplaintCategory category,
        boolean holdsContact,
        ComplaintOutcome outcome,
        OffsetDateTime resolvedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
