package io.arrears.contact.dispatch;

import io.arrears.messaging.Redact;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Moves an attempt to a status the reminder service must hear of, and tells it through the outbox
 * in the same transaction: the status and its ReminderSent are committed together or not at all.
 */
@ApplicationScoped
class AttemptOutcomes {

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Clock clock;

    AttemptOutcomes(Outbox outbox, MeterRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(ContactAttempt attempt, AttemptStatus status, String reason, String providerMessageId) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        attempt.moveTo(status);
        // A provider's reply may quote the address it refused; the reason travels on in ReminderSent.
        attempt.statusReason = Redact.text(reason);
        if (providerMessageId != null) {
            attempt.providerMessageId = providerMessageId;
        }
        attempt.nextAttemptAt = null;
        attempt.finishedAt = now;
        outbox.add(new ReminderSent(attempt.reminderId, attempt.caseId, attempt.accountId, attempt.channel,
                DeliveryStatus.valueOf(status.name()), reason, attempt.providerMessageId, now));
        registry.counter("arrears.contact.outcomes", "channel", attempt.channel.name(), "status", status.name()).increment();
    }
}
