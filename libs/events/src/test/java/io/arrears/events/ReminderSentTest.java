package io.arrears.events;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderSentTest {

    private static final OffsetDateTime SENT_AT = OffsetDateTime.parse("2026-11-01T08:00:01+08:00");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-01T08:00:03+08:00");

    @Test
    void aReceiptsOutcomeCarryingItsSendTellsTheSendFirstThenItself() {
        ReminderSent delivered = outcome(DeliveryStatus.DELIVERED, "DELIVRD", SENT_AT);

        assertThat(delivered.told()).containsExactly(
                new ReminderSent("REM-1", "CASE-1", "ACC-1", Channel.SMS, DeliveryStatus.SENT, null, "smpp-1", SENT_AT),
                delivered);
    }

    @Test
    void anOutcomeWithoutASendOfItsOwnTellsOnlyItself() {
        ReminderSent alone = outcome(DeliveryStatus.SENT, null, null);
        ReminderSent afterUnknown = outcome(DeliveryStatus.DELIVERED, "DELIVRD", null);
        // A SENT never carries another; a stray sentAt on one is not a second send.
        ReminderSent sentWithTime = outcome(DeliveryStatus.SENT, null, SENT_AT);

        assertThat(alone.told()).containsExactly(alone);
        assertThat(afterUnknown.told()).containsExactly(afterUnknown);
        assertThat(sentWithTime.told()).containsExactly(sentWithTime);
    }

    @Test
    void anEventWithoutSentAtReadsAsBeforeTheFieldWasAdded() {
        ReminderSent read = EventJson.bind(EventJson.mapper().valueToTree(outcome(DeliveryStatus.SENT, null, null)), ReminderSent.class);

        assertThat(read.sentAt()).isNull();
        assertThat(EventJson.mapper().valueToTree(read).has("sentAt")).isFalse();
    }

    private static ReminderSent outcome(DeliveryStatus status, String reason, OffsetDateTime sentAt) {
        return new ReminderSent("REM-1", "CASE-1", "ACC-1", Channel.SMS, status, reason, "smpp-1", AT, sentAt);
    }
}
