package io.arrears.contact.dispatch;

import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.config.ContactConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a consumer's new attempts as soon as the transaction that judged them commits, on the consumer's
 * own thread, instead of leaving them PENDING for the next poll to claim, judge and update again.
 *
 * <p>The rules of a send do not change: the attempt is committed SENDING before anything leaves, and a
 * crash between that commit and the provider's answer leaves it SENDING for the {@link Reconciler}, as a
 * crash inside a poll's slice does. What a transaction prepared is handed over only if it commits; one
 * rolled back (and retried by the intake) hands over nothing, and its retry prepares afresh. The consumer
 * waits for its sends before it takes the next batch, so a burst queues in Kafka, never in memory, and no
 * attempt waits SENDING for longer than a batch's sends take.
 */
@ApplicationScoped
public class PromptSends {

    /** The current thread's committed messages, while a consumer runs {@link #around}; null otherwise. */
    private final ThreadLocal<List<OutgoingMessage>> committed = new ThreadLocal<>();
    private final TransactionSynchronizationRegistry transaction;
    private final Dispatcher dispatcher;
    private final boolean enabled;

    PromptSends(TransactionSynchronizationRegistry transaction, Dispatcher dispatcher, ContactConfig config) {
        this.transaction = transaction;
        this.dispatcher = dispatcher;
        this.enabled = config.dispatch().sendOnRequest();
    }

    /** Runs {@code consume}, whose transactions may hand messages over, then sends what they committed. */
    public void around(Runnable consume) {
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
