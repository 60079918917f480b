package io.arrears.events;

import java.time.OffsetDateTime;

/** The final (or delivery) status of one reminder. */
public record ReminderSent(
        String reminderId,
        String caseId,
        String accountId,
        Channel channel,
        DeliveryStatus status,
        String reason,
        String providerMessageId,
        OffsetDateTime at) implements Event {

    @Override
    public String key() {
        return accountId;
    }
}
