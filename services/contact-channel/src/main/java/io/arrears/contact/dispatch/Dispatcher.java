package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what is due: each attempt is prepared in one transaction, handed to its channel's adapter
 * outside any, and its result recorded in another. A batch is spread over a few workers, and several
 * instances may poll at once; row locks with SKIP LOCKED give each attempt to one of them.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final AttemptRepository attempts;
    private final ContactGate gate;
    private final ChannelAdapters adapters;
    private final ContactConfig config;
    private final Clock clock;

    private final ExecutorService workers;

    Dispatcher(AttemptRepository attempts, ContactGate gate, ChannelAdapters adapters, ContactConfig config, Clock clock) {
        this.attempts = attempts;
        this.gate = gate;
        this.adapters = adapters;
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.dispatch().workers(), r -> {
            Thread t = new Thread(r, "contact-dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    @Scheduled(every = "${contact.dispatch.poll-every}", delayed = "${contact.dispatch.first-poll-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /** Works through everything due now, batch after batch; returns how many attempts it looked at. */
    public int dispatchDue() {
        int seen = 0;
        List<String> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> attempts.due(OffsetDateTime.now(clock), config.dispatch().batchSize()));
            List<Future<?>> inFlight = due.stream().<Future<?>>map(id -> workers.submit(() -> dispatchSafely(id))).toList();
            for (Future<?> f : inFlight) {
                awaitDone(f);
            }
            seen += due.size();
        } while (due.size() == config.dispatch().batchSize());
        return seen;
    }

    private void dispatchSafely(String reminderId) {
        try {
            dispatch(reminderId);
        } catch (RuntimeException e) {
            // The attempt stays as it was (PENDING, DEFERRED or SENDING) and a later poll or the reconciler takes it up.
            LOG.warnf(e, "dispatching %s stopped; it is retried", reminderId);
        }
    }

    private static void awaitDone(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("a dispatch worker failed", e.getCause());
        }
    }

    private void dispatch(String reminderId) {
        Optional<OutgoingMessage> message = gate.prepare(reminderId);
        if (message.isEmpty()) {
            return;
        }
        SendResult result;
        try {
            result = adapters.forChannel(message.get().to().channel()).send(message.get());
        } catch (RuntimeException e) {
            // An adapter that throws may have handed the message over first: reconcile, never resend blindly.
            LOG.warnf(e, "adapter failed on %s", message.get());
            result = SendResult.ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        gate.record(reminderId, result);
    }
}
