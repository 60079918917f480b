package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ProviderReceipt;
import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.GroupCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns providers' receipts (SMPP deliver_sm, IVR and webhook callbacks) into DELIVERED or FAILED.
 * A receipt for a message we have not recorded yet is refused, so the provider delivers it again;
 * an SMS centre's is kept instead ({@link EarlyReceipts}) and applied once the send is recorded.
 *
 * <p>An SMS centre sends its receipts several at a time over the bind (its window), each waiting for our
 * answer, which goes only after the receipt is committed. Those that arrive while one transaction commits
 * are recorded together in the next ({@link GroupCommit}): on a statement day the receipts were a third of
 * this service's work, most of it the transaction around each one. A receipt waits for its group no longer than
 * {@code contact.adapters.smpp.answer-inbound-within}, as the bind's threads also carry the answers to our sends.
 */
@ApplicationScoped
class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    /** Far longer than a send takes to be recorded: a receipt unmatched for this long names no message of ours. */
    private static final Duration UNMATCHED_AFTER = Duration.ofDays(1);
    private static final int SWEEP_BATCH = 500;
    /** The most receipts one transaction records; an SMS centre's window is far smaller. */
    private static final int RECEIPT_GROUP = 200;
    /** Receipts refused without a try after the database was found away: the SMS centre sends them again later. */
    private static final Duration DATABASE_AWAY_PAUSE = Duration.ofSeconds(1);

    private final AttemptRepository attempts;
    private final AttemptOutcomes outcomes;
    private final EarlyReceipts early;
    private final AccountLock lock;
    private final Clock clock;
    private final GroupCommit<ProviderReceipt> smsCentreReceipts;
    private final Counter refused;

    Deliveries(AttemptRepository attempts, AttemptOutcomes outcomes, EarlyReceipts early, AccountLock lock, Clock clock, ContactConfig config,
               MeterRegistry registry) {
        this.lock = lock;
        // Each is offered again by the SMS centre; a steady count means the database cannot keep up, or is away.
        this.refused = registry.counter("arrears.contact.inbound.refused", "kind", "receipt");
        this.attempts = attempts;
        this.outcomes = outcomes;
        this.early = early;
        this.clock = clock;
        this.smsCentreReceipts = new GroupCommit<>("sms-receipts",
                group -> QuarkusTransaction.requiringNew().run(() -> record(group)),
                receipt -> QuarkusTransaction.requiringNew().run(() -> record(List.of(receipt))), RECEIPT_GROUP,
                config.adapters().smpp().answerInboundWithin(), DATABASE_AWAY_PAUSE);
    }

    @PreDestroy
    void stopRecordingReceipts() {
        smsCentreReceipts.close();
    }

    /** Returns once the receipt is committed; a receipt naming no message of ours throws {@link ProviderReceipt.UnknownMessage}. */
    void onReceipt(@Observes ProviderReceipt receipt) {
        if (receipt.keptIfEarly()) {
            try {
                smsCentreReceipts.submit(receipt);
            } catch (GroupCommit.NotRecorded e) {
                refused.increment();
                throw new ProviderReceipt.NotRecordedNow(e.getMessage());
            }
        } else {
            QuarkusTransaction.joiningExisting().run(() -> record(List.of(receipt)));
        }
    }

    private void record(List<ProviderReceipt> all) {
        Map<String, ProviderReceipt> first = new LinkedHashMap<>();
        all.forEach(receipt -> first.putIfAbsent(receipt.providerMessageId(), receipt));
        // Nearly every receipt finds its send recorded and waiting: those are settled in one statement. A repeated
        // receipt is one the provider sent again, and changes nothing the first did not.
        Set<String> settled = outcomes.settleAwaiting(first.values());
        List<ProviderReceipt> receipts = first.values().stream().filter(receipt -> !settled.contains(receipt.providerMessageId())).toList();
        if (receipts.isEmpty()) {
            return;
        }
        List<String> messageIds = receipts.stream().map(ProviderReceipt::providerMessageId).toList();
        Map<String, ContactAttempt> sent = new HashMap<>(attempts.lockedByProviderMessageIds(messageIds));
        List<String> unseen = messageIds.stream().filter(id -> !sent.containsKey(id)).toList();
        if (!unseen.isEmpty()) {
            // A send found is committed, and its record has already looked for early receipts. One not found may
            // be in a transaction that is recording it right now: take its message lock, then look again.
            lock.acquireAll(unseen.stream().map(Deliveries::messageKey).toList());
            sent.putAll(attempts.lockedByProviderMessageIds(unseen));
        }
        List<ProviderReceipt> ahead = new ArrayList<>();
        for (ProviderReceipt receipt : receipts) {
            ContactAttempt attempt = sent.get(receipt.providerMessageId());
            if (attempt != null) {
                apply(attempt, receipt);
            } else if (receipt.keptIfEarly()) {
                ahead.add(receipt);
            } else {
                throw new ProviderReceipt.UnknownMessage(receipt.providerMessageId());
            }
        }
        early.keepAll(ahead);
    }

    /**
     * In the transaction that records the sends, after they are SENT: receipts that arrived first, for these message
     * ids, are applied now, in one statement as receipts that find their send are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void settleEarly(List<String> sentMessageIds) {
        if (sentMessageIds.isEmpty()) {
            return;
        }
        lock.acquireAll(sentMessageIds.stream().map(Deliveries::messageKey).toList());
        Map<String, ProviderReceipt> kept = early.take(sentMessageIds);
        if (!kept.isEmpty()) {
            outcomes.settleAwaiting(kept.values());
        }
    }

    /**
     * A receipt that looked for its attempt while the send's record was being committed finds it here.
     * Receipts that never find one are dropped after a day, counted in the log.
     */
    @Scheduled(every = "${contact.dispatch.reconcile-every}", delayed = "${contact.dispatch.first-poll-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<ProviderReceipt> matched;
        do {
            matched = QuarkusTransaction.requiringNew().call(() -> {
                List<ProviderReceipt> taken = early.takeMatched(SWEEP_BATCH);
                taken.forEach(receipt -> attempts.byProviderMessageId(receipt.providerMessageId()).ifPresent(a -> apply(a, receipt)));
                return taken;
            });
        } while (matched.size() == SWEEP_BATCH);
        int dropped = QuarkusTransaction.requiringNew().call(() -> early.dropUnmatched(OffsetDateTime.now(clock).minus(UNMATCHED_AFTER)));
        if (dropped > 0) {
            LOG.warnf("dropped %d delivery receipts that named no message of ours for a day", dropped);
        }
    }

    /**
     * The receipt that finds no send and the record of the send take the same lock on the message id. Without
     * it each could commit without seeing the other (the receipt finding no send recorded, the send finding no
     * receipt kept) and the receipt would wait for the sweep; with it the second to arrive sees the first. A
     * receipt whose send it finds needs no lock: that send's transaction has committed.
     */
    private static String messageKey(String providerMessageId) {
        return "provider-message:" + providerMessageId;
    }

    private void apply(ContactAttempt attempt, ProviderReceipt receipt) {
        if (receipt.callOutcome() != null) {
            attempt.callOutcome = receipt.callOutcome();
        }
        if (attempt.status.awaitsReceipt()) {
            outcomes.finish(attempt, receipt.delivered() ? AttemptStatus.DELIVERED : AttemptStatus.FAILED, receipt.detail(), null);
        }
    }
}
