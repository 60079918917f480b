package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.AccountLock;
import io.arrears.messaging.Redact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends what is due. A batch is cut into slices, one per worker, each cardholder's attempts in one
 * slice. A slice is prepared in one transaction (its accounts locked in one statement, then each attempt
 * claimed, judged by the guard under its account's lock and marked SENDING), handed to the providers outside any transaction, and its
 * results recorded in another. Several instances may poll at once: row locks with SKIP LOCKED give
 * each attempt to one of them.
 *
 * <p>If a slice's transaction fails, its attempts are taken again one at a time, each in its own
 * transaction, so one attempt that cannot be prepared or recorded holds up none of the others.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final AttemptRepository attempts;
    private final ContactGate gate;
    private final ChannelAdapters adapters;
    private final ContactConfig config;
    private final Clock clock;
    private final EntityManager entityManager;
    private final AccountLock lock;

    private final ExecutorService workers;

    Dispatcher(AttemptRepository attempts, ContactGate gate, ChannelAdapters adapters, ContactConfig config, Clock clock,
               EntityManager entityManager, AccountLock lock) {
        this.lock = lock;
        this.attempts = attempts;
        this.gate = gate;
        this.adapters = adapters;
        this.config = config;
        this.clock = clock;
        this.entityManager = entityManager;
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
        List<DueAttempt> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> attempts.due(OffsetDateTime.now(clock), config.dispatch().batchSize()));
            List<Future<?>> inFlight = slices(due).stream().<Future<?>>map(slice -> workers.submit(() -> dispatch(slice))).toList();
            for (Future<?> f : inFlight) {
                awaitDone(f);
            }
            seen += due.size();
        } while (due.size() == config.dispatch().batchSize());
        return seen;
    }

    /**
     * One cardholder's attempts stay in one slice, in the order they fell due, so the frequency caps
     * count each earlier one. Within a slice accounts are locked in key order, the order every
     * consumer of the service locks them in, so slices and consumers cannot deadlock one another.
     */
    private List<List<DueAttempt>> slices(List<DueAttempt> due) {
        int count = config.dispatch().workers();
        List<List<DueAttempt>> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(new ArrayList<>());
        }
        due.forEach(d -> slices.get(Math.floorMod(d.accountId().hashCode(), count)).add(d));
        return slices.stream().filter(s -> !s.isEmpty())
                .map(s -> s.stream().sorted(Comparator.comparing(DueAttempt::accountId)).toList())
                .toList();
    }

    private void dispatch(List<DueAttempt> slice) {
        List<OutgoingMessage> ready = new ArrayList<>();
        List<String> accounts = slice.stream().map(DueAttempt::accountId).toList();
        inOneTransaction(slice, () -> lock.acquireAll(accounts), due -> gate.prepare(due.reminderId()).ifPresent(ready::add), ready::clear, true);
        List<Sent> results = ready.stream().map(message -> new Sent(message.reminderId(), send(message))).toList();
        // Recording reads nothing but the attempts, all locked in one query first; their updates go out together at commit.
        inOneTransaction(results, () -> attempts.lockAll(results.stream().map(Sent::reminderId).toList()),
                sent -> gate.record(sent.reminderId(), sent.result()), () -> { }, false);
    }

    /**
     * Runs {@code first}, then {@code work} on every item, in one transaction. With {@code forgetEach}, each
     * item's entities are written and forgotten before the next (where the work queries, every later query
     * would otherwise dirty-check all earlier items). If the transaction fails, {@code reset} undoes what the
     * items collected and each item runs again in a transaction of its own.
     */
    private <T> void inOneTransaction(List<T> items, Runnable first, Consumer<T> work, Runnable reset, boolean forgetEach) {
        if (items.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                first.run();
                items.forEach(item -> {
                    work.accept(item);
                    if (forgetEach) {
                        entityManager.flush();
                        entityManager.clear();
                    }
                });
            });
        } catch (RuntimeException sliceFailure) {
            LOG.warnf("a slice of %d attempts failed (%s); taking them one by one", items.size(), Redact.text(sliceFailure.toString()));
            reset.run();
            for (T item : items) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> work.accept(item));
                } catch (RuntimeException e) {
                    // The attempt stays as it was (PENDING, DEFERRED or SENDING) and a later poll or the reconciler takes it up.
                    LOG.warnf(e, "dispatching %s stopped; it is retried", item);
                }
            }
        }
    }

    private SendResult send(OutgoingMessage message) {
        try {
            return adapters.forChannel(message.to().channel()).send(message);
        } catch (RuntimeException e) {
            // An adapter that throws may have handed the message over first: reconcile, never resend blindly.
            LOG.warnf(e, "adapter failed on %s", message);
            return SendResult.ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
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

    /** What the provider said about one reminder. */
    private record Sent(String reminderId, SendResult result) {
        @Override
        public String toString() {
            return reminderId;
        }
    }
}
