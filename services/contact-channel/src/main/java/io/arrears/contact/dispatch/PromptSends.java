package io.arrears.contact.dispatch;

import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.config.ContactConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends a consumer's new attempts as soon as the transaction that judged them commits, on the consumer's
 * own thread, instead of leaving them PENDING for the next poll to claim, judge and update again.
 *
 * <p>The rules of a send do not change: the attempt is committed SENDING before anything leaves, and a
 * crash between that commit and the provider's answer leaves it SENDING for the {@link Reconciler}, as a
 * crash inside a poll's slice does. What a transaction prepared is handed over only if it commits; one
 * rolled back (and retried by the intake) hands over nothing, and its retry prepares afresh. The consumer
 * waits for a batch's sends before it judges the next batch, so a burst queues in Kafka, never in memory, and no
 * attempt waits SENDING for longer than its slice's sends take.
 */
@ApplicationScoped
public class PromptSends {

    /** The current thread's committed messages, while it takes a slice of requests in; null otherwise. */
    private final ThreadLocal<List<OutgoingMessage>> committed = new ThreadLocal<>();
    private final TransactionSynchronizationRegistry transaction;
    private final Dispatcher dispatcher;
    private final boolean enabled;
    private final int partSize;
    private final int workers;
    /** Apart from the dispatcher's workers, which a slice waits on for its sends. */
    private final ExecutorService judges;

    PromptSends(TransactionSynchronizationRegistry transaction, Dispatcher dispatcher, ContactConfig config) {
        this.transaction = transaction;
        this.dispatcher = dispatcher;
        this.enabled = config.dispatch().sendOnRequest();
        this.partSize = config.dispatch().batchSize();
        this.workers = config.dispatch().workers();
        AtomicInteger n = new AtomicInteger();
        this.judges = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "contact-request-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Applies a consumed batch as the poll works through due attempts: a dispatch batch
     * ({@code contact.dispatch.batch-size}) at a time, each batch cut into one slice per worker by account, the
     * slices at once, each judged in its own transaction and its sends made as that commits. A slice's attempts are
     * committed SENDING before their sends begin, so the batch bounds how many a crash can leave SENDING unsent, to be
     * settled by the reconciler (or, where the provider cannot be asked, left UNKNOWN), as a poll's batch does. One
     * account's records are in one slice, in their order, and the next batch waits for this one's sends.
     */
    public void inParts(ConsumerRecords<String, byte[]> records, Consumer<ConsumerRecords<String, byte[]>> consume) {
        if (!enabled) {
            consume.accept(records);
            return;
        }
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(partSize);
        for (ConsumerRecord<String, byte[]> record : records) {
            batch.add(record);
            if (batch.size() == partSize) {
                inSlices(batch, consume);
                batch = new ArrayList<>(partSize);
            }
        }
        if (!batch.isEmpty()) {
            inSlices(batch, consume);
        }
    }

    private void inSlices(List<ConsumerRecord<String, byte[]>> batch, Consumer<ConsumerRecords<String, byte[]>> consume) {
        List<Map<TopicPartition, List<ConsumerRecord<String, byte[]>>>> slices = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            slices.add(new LinkedHashMap<>());
        }
        for (ConsumerRecord<String, byte[]> record : batch) {
            int slice = Math.floorMod(record.key() == null ? 0 : record.key().hashCode(), workers);
            slices.get(slice).computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>()).add(record);
        }
        List<Future<?>> running = new ArrayList<>();
        for (Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> slice : slices) {
            if (!slice.isEmpty()) {
                ConsumerRecords<String, byte[]> part = new ConsumerRecords<>(slice, Map.of());
                running.add(judges.submit(() -> around(() -> consume.accept(part))));
            }
        }
        RuntimeException failure = null;
        for (Future<?> slice : running) {
            try {
                slice.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while taking requests in", e);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        // Every slice has finished, committed or not; a failed one makes the batch's records come again, and the
        // committed slices' records are then found in the inbox.
        if (failure != null) {
            throw failure;
        }
    }

    @PreDestroy
    void stop() {
        judges.shutdown();
    }

    /** Runs {@code consume}, whose transactions may hand messages over, then sends what they committed. */
    private void around(Runnable consume) {
        if (!enabled) {
            consume.run();
            return;
        }
        List<OutgoingMessage> sends = new ArrayList<>();
        committed.set(sends);
        try {
            consume.run();
        } finally {
            committed.remove();
            // Also after a failure: what was committed SENDING goes now rather than waiting for the reconciler.
            dispatcher.sendPrepared(sends);
        }
    }

    /** Whether this thread sends promptly; elsewhere (a dead letter replayed, a test's direct call) attempts wait for the poll. */
    boolean taken() {
        return committed.get() != null;
    }

    /** Hands {@code ready} to this thread's sends if, and only if, the current transaction commits. */
    void afterCommit(List<OutgoingMessage> ready) {
        List<OutgoingMessage> sends = committed.get();
        if (ready.isEmpty() || sends == null) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sends.addAll(ready);
                }
            }
        });
    }
}
