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
import java.util.concurrent.CompletableFuture;
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
 * all made the consumer paced the day with cores to spare. The next part's sends wait for these, so one part at a
 * time is with the providers, a cardholder's messages leave in the order they were judged, a burst queues in
 * Kafka, never in memory, and no attempt waits SENDING for longer than two parts' sends take.
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
     * cannot be asked, left UNKNOWN): two parts, the one sending and the one judged; a whole poll of 500 left several
     * times as many. Records of one account share a partition and keep their order across the parts.
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
        // join() waits through interrupts: a stop interrupting the consumer must not start sends beside the last ones.
        lastSends.join();
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

    /** Whether this thread sends promptly; elsewhere (a dead letter replayed, a test's direct call) attempts wait for the poll. */
    boolean taken() {
        return committed.get() != null;
    }

    /**
     * Hands {@code ready} to this thread's sends if the current transaction commits. If it fails, it may still have
     * committed (a commit that failed unanswered): its messages are kept for {@link Dispatcher#committedAfterAll}.
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
