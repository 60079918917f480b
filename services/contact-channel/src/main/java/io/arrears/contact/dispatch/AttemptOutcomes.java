package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ProviderReceipt;
import io.arrears.contact.channel.SendResult;
import io.arrears.messaging.Redact;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.arrears.contact.config.ContactConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves an attempt to a status the reminder service must hear of, and tells it through the outbox
 * in the same transaction: the status and its ReminderSent are committed together or not at all.
 */
@ApplicationScoped
class AttemptOutcomes {

    private final AttemptRepository attempts;
    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration receiptWithin;

    AttemptOutcomes(AttemptRepository attempts, Outbox outbox, MeterRegistry registry, Clock clock, ContactConfig config) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.registry = registry;
        this.clock = clock;
        this.receiptWithin = config.dispatch().sentWaitsForReceipt();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(ContactAttempt attempt, AttemptStatus status, String reason, String providerMessageId) {
        OffsetDateTime now = now();
        attempt.moveTo(status);
        // A provider's reply may quote the address it refused; the reason travels on in ReminderSent.
        attempt.statusReason = Redact.text(reason);
        if (providerMessageId != null) {
            attempt.providerMessageId = providerMessageId;
        }
        attempt.nextAttemptAt = null;
        attempt.finishedAt = now;
        if (status == AttemptStatus.SENT) {
            attempt.sentAt = now;
        }
        // Whatever this is, it is told now, and tells the send it followed.
        attempt.tellSentAfter = null;
        SettledAttempt settled = new SettledAttempt(attempt.reminderId, attempt.caseId, attempt.accountId, attempt.channel, status,
                attempt.providerMessageId, attempt.sentAt, false);
        count(settled);
        tell(settled, reason, now);
    }

    /**
     * The receipts whose attempts await one, applied in one statement ({@link AttemptRepository#settleAwaitingReceipt}),
     * each told as {@link #finish} tells it. Returns the message ids it settled; the rest are the caller's.
     *
     * @param receipts one per message id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<String> settleAwaiting(Collection<ProviderReceipt> receipts) {
        OffsetDateTime now = now();
        Map<String, ProviderReceipt> byMessage = receipts.stream().collect(Collectors.toMap(ProviderReceipt::providerMessageId, r -> r));
        List<ProviderReceipt> kept = receipts.stream().map(r -> new ProviderReceipt(r.providerMessageId(), r.delivered(), Redact.text(r.detail()),
                r.callOutcome(), r.keptIfEarly())).toList();
        Set<String> settled = new HashSet<>();
        for (SettledAttempt attempt : attempts.settleAwaitingReceipt(kept, now)) {
            count(attempt);
            tell(attempt, byMessage.get(attempt.providerMessageId()).detail(), now);
            settled.add(attempt.providerMessageId());
        }
        return settled;
    }

    /**
     * The providers' final answers (ACCEPTED, REJECTED) for attempts still SENDING, recorded in one statement
     * ({@link AttemptRepository#recordFinalAnswers}) and each told as {@link #finish} tells it. Returns the attempts
     * it moved; an answer for an attempt no longer SENDING changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<SettledAttempt> recordFinalAnswers(Collection<ProviderAnswer> answers) {
        if (answers.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        Map<String, SendResult> byReminder = answers.stream().collect(Collectors.toMap(ProviderAnswer::reminderId, ProviderAnswer::result));
        List<ProviderAnswer> kept = answers.stream().map(a -> new ProviderAnswer(a.reminderId(),
                new SendResult(a.result().kind(), a.result().providerMessageId(), Redact.text(a.result().error())))).toList();
        List<SettledAttempt> recorded = attempts.recordFinalAnswers(kept, now, receiptWithin);
        recorded.forEach(this::count);
        recorded.stream().filter(attempt -> !attempt.toldLater())
                .forEach(attempt -> tell(attempt, byReminder.get(attempt.reminderId()).error(), now));
        return recorded;
    }

    /**
     * Tells SENT alone for up to {@code limit} texts whose receipt has not come within {@code sent-waits-for-receipt};
     * returns how many it told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int tellSendsWithoutReceipt(int limit) {
        List<SettledAttempt> late = attempts.takeSendsToTellAlone(limit);
        late.forEach(attempt -> {
            tell(attempt, null, attempt.sentAt());
            // A steady count means the SMS centre's receipts come later than the wait, or not at all.
            registry.counter("arrears.contact.receipts.late", "channel", attempt.channel().name()).increment();
        });
        return late.size();
    }

    /** A receipt's outcome carries the time its send was taken; a SENT is its own. */
    private void tell(SettledAttempt attempt, String reason, OffsetDateTime at) {
        DeliveryStatus status = DeliveryStatus.valueOf(attempt.status().name());
        ReminderSent sent = new ReminderSent(attempt.reminderId(), attempt.caseId(), attempt.accountId(), attempt.channel(), status, reason,
                attempt.providerMessageId(), at, status == DeliveryStatus.SENT ? null : attempt.sentAt());
        outbox.add(sent);
    }

    /** Counted when the attempt reaches it, whenever it is told. */
    private void count(SettledAttempt attempt) {
        registry.counter("arrears.contact.outcomes", "channel", attempt.channel().name(), "status", attempt.status().name()).increment();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
