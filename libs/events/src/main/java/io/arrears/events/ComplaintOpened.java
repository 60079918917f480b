package io.arrears.events;

import java.time.OffsetDateTime;

public record ComplaintOpened(
        String complaintId,
        String accountId,
        ComplaintCategory category,
        boolean holdsContact,
        OffsetDateTime openedAt) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
