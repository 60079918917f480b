package io.arrears.contact.dispatch;

import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.WorkInFlight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Sends a consumer's new attempts as soon as the transaction that judged them commits, on the consumer's
 * own thread, instead of leaving them PENDING for the next poll to claim, judge and update again.
 *
 * <p>The rules of a send do not change: the attempt is committed SENDING before anything leaves, and a
 * crash between that commit and the provider's answer leaves it SENDING for the {@link Reconciler}, as a
 * crash inside a poll's slice does. What a transaction prepared is handed over only if it commits; one
 * rolled back (and retried by the intake) hands over nothing, and its retry prepares afresh.
 *
 * <p>A part's sends go out on a thread of their own while the consumer judges the next part (which may be the
 * first of its next batch): alone on one thread, judging and sending took turns, and once a burst's requests were
 * all made the consumer paced the day with cores to spare. The next part is judged meanwhile but commits only once
 * these sends are answered and recorded, so one part at a time is SENDING and with the providers, a cardholder's
 * messages leave in the order they were judged, and a burst queues in Kafka, never in memory. A crash leaves one
 * part's attempts SENDING, as it did before the sends had a thread of their own: a judged part committed while the
 * last was still out would be a second, and the reconciler cannot ask the SMS centre or the mail relay about it, so
 * its texts and emails, never sent, would wait UNKNOWN for a person. The next part's transaction holds its accounts'
 * locks while it waits; the sends' answers take none (only their own attempts and message keys), and they are
 * recorded on this class's thread, never behind a poll's slices, which may be waiting for those locks.
 */
@ApplicationScoped
public class PromptSends {

    private static final Logger LOG = Logger.getLogger(PromptSends.class);

    /** The current thread's committed messages, while a consumer applies a part of its batch; null otherwise. */
    private final ThreadLocal<List<OutgoingMessage>> committed = new ThreadLocal<>();
    /** What the current thread's failed transactions had prepared, which they may have committed after all. */
    private final ThreadLocal<List<Prepared>> inDoubt = new ThreadLocal<>();
    private final TransactionSynchronizationRegistry transaction;
    private final Dispatcher dispatcher;
    private final WorkInFlight work;
    private final boolean enabled;
    private final int partSize;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "contact-prompt-sends");
        t.setDaemon(true);
        return t;
    });
    /** The sends of the part judged last; the consumer's calls come one at a time (its channel is ordered). */
    private volatile CompletableFuture<Void> lastSends = CompletableFuture.completedFuture(null);

    PromptSends(TransactionSynchronizationRegistry transaction, Dispatcher dispatcher, ContactConfig config, WorkInFlight work) {
        this.transaction = transaction;
        this.dispatcher = dispatcher;
        this.work = work;
        this.enabled = config.dispatch().sendOnRequest();
        this.partSize = config.dispatch().batchSize();
    }

    /**
     * Applies a consumed batch a dispatch batch ({@code contact.dispatch.batch-size}) at a time, each part's sends
     * made after the part before it's. A part's attempts are committed SENDING before their sends begin, so the
     * parts bound how many a crash can leave SENDING unsent, to be settled by the reconciler (or, where the provider
     * cannot be asked, left UNKNOWN): one part, the one sending; a whole poll of 500 left several times as many.
     * Records of one account share a partition and keep their order across the parts.
     */
    public void inParts(ConsumerRecords<String, byte[]> records, Consumer<ConsumerRecords<String, byte[]>> consume) {
        if (!enabled || records.count() <= partSize) {
            around(() -> consume.accept(records));
            return;
        }
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> part = new LinkedHashMap<>();
        int size = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            part.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>()).add(record);
            if (++size == partSize) {
                ConsumerRecords<String, byte[]> full = new ConsumerRecords<>(part, Map.of());
                around(() -> consume.accept(full));
                part = new LinkedHashMap<>();
                size = 0;
            }
        }
        if (size > 0) {
            ConsumerRecords<String, byte[]> rest = new ConsumerRecords<>(part, Map.of());
            around(() -> consume.accept(rest));
        }
    }

    /**
     * Runs {@code consume}, whose transactions may hand messages over, then, once the previous part's sends are done,
     * sends what they committed on the sending thread. The whole of it is one piece of work for a stop to wait for,
     * ending when the sends do: the intake's own piece ends when its transaction commits, and the sends after it, cut
     * by a stop that closed the database under them, would leave their attempts SENDING for the reconciler to call
     * UNKNOWN.
     */
    private void around(Runnable consume) {
        if (!enabled) {
            consume.run();
            return;
        }
        if (!work.enter()) {
            throw new WorkInFlight.Stopping("a part of a consumed batch was not started");
        }
        boolean handedOver = false;
        try {
            List<OutgoingMessage> sends = new ArrayList<>();
            // A transaction the reaper rolls back at its timeout is completed on the reaper's thread.
            List<Prepared> failed = Collections.synchronizedList(new ArrayList<>());
            committed.set(sends);
            inDoubt.set(failed);
            try {
                consume.run();
            } finally {
                committed.remove();
                inDoubt.remove();
                // The intake has retried a failed transaction by now: its retry found the attempts a commit that failed
                // unanswered had made, and prepared only those it had not.
                List.copyOf(failed).forEach(prepared -> sends.addAll(dispatcher.committedAfterAll(prepared)));
                // Also after a failure: what was committed SENDING goes now rather than waiting for the reconciler.
                handedOver = sendAfterTheLast(sends);
            }
        } finally {
            if (!handedOver) {
                work.leave();
            }
        }
    }

    /** True if the sends were handed to the sending thread, which ends this part's piece of work when they are done. */
    private boolean sendAfterTheLast(List<OutgoingMessage> sends) {
        awaitLastSends();
        lastSends = CompletableFuture.runAsync(() -> {
            try {
                dispatcher.sendPrepared(sends);
            } catch (RuntimeException e) {
                LOG.warnf(e, "a part's sends stopped; attempts left SENDING are settled by the reconciler");
            } finally {
                work.leave();
            }
        }, sender);
        return true;
    }

    /**
     * Waits for the last part's sends, through interrupts: a stop interrupting the consumer must not start or commit
     * sends beside them. Their failures are logged where they happen and settled by the reconciler.
     */
    private void awaitLastSends() {
        try {
            lastSends.join();
        } catch (CompletionException | CancellationException e) {
            LOG.debugf("the last part's sends ended with %s", e.getCause());
        }
    }

    /** Whether this thread sends promptly; elsewhere (a dead letter replayed, a test's direct call) attempts wait for the poll. */
    boolean taken() {
        return committed.get() != null;
    }

    /**
     * Hands {@code ready} to this thread's sends if the current transaction commits, which it does only once the last
     * part's sends are answered and recorded. If it fails, it may still have committed (a commit that failed
     * unanswered): its messages are kept for {@link Dispatcher#committedAfterAll}.
     */
    void afterCommit(Prepared ready) {
        List<OutgoingMessage> sends = committed.get();
        List<Prepared> failed = inDoubt.get();
        if (ready.messages().isEmpty() || sends == null) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                awaitLastSends();
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sends.addAll(ready.messages());
                } else {
                    failed.add(ready);
                }
            }
        });
    }
}
