package io.arrears.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The final (or delivery) status of one reminder.
 *
 * <p>{@code sentAt} is given on an outcome a provider's receipt brought (DELIVERED, FAILED) for a reminder the
 * provider had taken: the moment it took it. A text's receipt comes within seconds of its send, so its SENT is
 * not told alone unless the receipt is late; the receipt's outcome tells both ({@link #told}). A SENT told alone
 * and a receipt's outcome carrying the same send may both arrive: they say the same thing twice.
 */
public record ReminderSent(
        String reminderId,
        String caseId,
        String accountId,
        Channel channel,
        DeliveryStatus status,
        String reason,
        String providerMessageId,
        OffsetDateTime at,
        OffsetDateTime sentAt) implements Event {

    /** An outcome that tells no send of its own (a SENT, a refusal, a suppression, or a receipt for a send told UNKNOWN). */
    public ReminderSent(String reminderId, String caseId, String accountId, Channel channel, DeliveryStatus status, String reason,
                        String providerMessageId, OffsetDateTime at) {
        this(reminderId, caseId, accountId, channel, status, reason, providerMessageId, at, null);
    }

    @Override
    public String key() {
        return accountId;
    }

    /** When the provider took the reminder, as this event tells it: a SENT's own time, a receipt's {@code sentAt}; null if it tells no send. */
    public OffsetDateTime sendTime() {
        return status == DeliveryStatus.SENT ? at : sentAt;
    }

    /**
     * What this event tells, in the order it happened: the SENT it carries ({@code sentAt}), if any, then itself.
     * A consumer that keeps every outcome keeps these, and holds the same record as if SENT had come alone.
     */
    public List<ReminderSent> told() {
        if (sentAt == null || status == DeliveryStatus.SENT) {
            return List.of(this);
        }
        return List.of(new ReminderSent(reminderId, caseId, accountId, channel, DeliveryStatus.SENT, null, providerMessageId, sentAt), this);
    }
}
