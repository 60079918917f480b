package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ChannelAdapters;
import io.arrears.contact.channel.OutgoingMessage;
import io.arrears.contact.channel.SendResult;
import io.arrears.contact.config.ContactConfig;
import io.arrears.messaging.Redact;
import io.arrears.messaging.TransientFailures;
import io.arrears.messaging.WorkInFlight;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends what is due. A batch is cut into slices, one per worker, each cardholder's attempts in one
 * slice. A slice is prepared in one transaction (its accounts locked and its attempts claimed in one
 * statement each, what the guard weighs read for all of them at once, then each judged and marked
 * SENDING), handed to the providers outside any transaction (different cardholders' messages at once),
 * and its results recorded in another. Several instances may poll at once: row locks with SKIP LOCKED
 * give each attempt to one of them.
 *
 * <p>If a slice's transaction fails, what it committed after all is sent, and its other attempts are taken again one at a time, each in its own
 * transaction, so one attempt that cannot be prepared or recorded holds up none of the others.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration ANSWERS_FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration ANSWERS_LONGEST_PAUSE = Duration.ofSeconds(5);

    private final AttemptRepository attempts;
    private final ContactGate gate;
    private final ChannelAdapters adapters;
    private final ContactConfig config;
    private final Clock clock;
    private final WorkInFlight work;

    private final ExecutorService workers;
    private final ExecutorService senders;

    Dispatcher(AttemptRepository attempts, ContactGate gate, ChannelAdapters adapters, ContactConfig config, Clock clock, WorkInFlight work) {
        this.attempts = attempts;
        this.work = work;
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
        AtomicInteger s = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.dispatch().sendsAtOnce(), r -> {
            Thread t = new Thread(r, "contact-send-" + s.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        senders.shutdown();
    }

    @Scheduled(every = "${contact.dispatch.poll-every}", delayed = "${contact.dispatch.first-poll-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /**
     * Works through everything due now, batch after batch; returns how many attempts it looked at. A stop
     * waits for the batch under way, whose slices may be SENDING, and starts no other.
     */
    public int dispatchDue() {
        int seen = 0;
        List<DueAttempt> due;
        do {
            if (!work.enter()) {
                return seen;
            }
            try {
                due = QuarkusTransaction.requiringNew().call(() -> attempts.due(OffsetDateTime.now(clock), config.dispatch().batchSize()));
                List<Future<?>> inFlight = slices(due, DueAttempt::accountId).stream()
                        .<Future<?>>map(slice -> workers.submit(() -> dispatch(slice))).toList();
                for (Future<?> f : inFlight) {
                    awaitDone(f);
                }
            } finally {
                work.leave();
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
    private <T> List<List<T>> slices(List<T> items, Function<T, String> accountOf) {
        int count = config.dispatch().workers();
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(new ArrayList<>());
        }
        items.forEach(d -> slices.get(Math.floorMod(accountOf.apply(d).hashCode(), count)).add(d));
        return slices.stream().filter(s -> !s.isEmpty())
                .map(s -> s.stream().sorted(Comparator.comparing(accountOf)).toList())
                .toList();
    }

    /**
     * Prepares a slice in one transaction and sends what it marked SENDING. If that transaction fails, what it may have
     * committed after all is found and sent first ({@link #committedAfterAll}), and then each attempt is prepared again
     * in a transaction of its own, so one that cannot be prepared holds up none of the others.
     */
    private void dispatch(List<DueAttempt> slice) {
        AtomicReference<Prepared> prepared = new AtomicReference<>(Prepared.none());
        List<OutgoingMessage> ready;
        try {
            ready = QuarkusTransaction.requiringNew().call(() -> {
                prepared.set(gate.prepareAll(slice));
                return prepared.get().messages();
            });
        } catch (RuntimeException sliceFailure) {
            ready = new ArrayList<>(committedAfterAll(prepared.get()));
            ready.addAll(oneByOne(slice, one -> gate.prepareAll(one).messages(), sliceFailure));
        }
        sendAndRecord(ready);
    }

    /**
     * The messages of a transaction that marked their attempts SENDING and then failed, that it committed after all.
     * A commit can fail without an answer (the database crashed, or the connection dropped, after the server had
     * committed): the attempts are then SENDING, and nothing has been sent, which this thread alone knows. Left to the
     * reconciler, a text or an email would become UNKNOWN, and its reminder never go. So the database is asked which
     * of them it holds SENDING under the transaction's claim, waiting for it as a slice's answers do
     * ({@code record-answers-within}), and those are taken over and returned to be sent. A transaction that was rolled
     * back left no attempt under its claim; its attempts are prepared afresh, under another.
     */
    List<OutgoingMessage> committedAfterAll(Prepared prepared) {
        if (prepared.messages().isEmpty()) {
            return List.of();
        }
        List<String> reminderIds = prepared.messages().stream().map(OutgoingMessage::reminderId).toList();
        AtomicReference<List<String>> taken = new AtomicReference<>(List.of());
        Instant giveUpAt = Instant.now().plus(config.dispatch().recordAnswersWithin());
        try {
            TransientFailures.retrying(() -> taken.set(QuarkusTransaction.requiringNew().call(
                            () -> attempts.takeOverClaim(prepared.claim(), reminderIds, OffsetDateTime.now(clock)))), Integer.MAX_VALUE,
                    ANSWERS_FIRST_PAUSE, ANSWERS_LONGEST_PAUSE, () -> Instant.now().isAfter(giveUpAt));
        } catch (RuntimeException e) {
            LOG.warnf("could not learn whether %d sends were committed (%s); any that were stay SENDING for the reconciler",
                    reminderIds.size(), Redact.text(e.toString()));
            return List.of();
        }
        Set<String> ours = Set.copyOf(taken.get());
        if (!ours.isEmpty()) {
            LOG.warnf("%d of %d sends whose transaction failed at its commit were committed after all: sending them now",
                    ours.size(), reminderIds.size());
        }
        return prepared.messages().stream().filter(m -> ours.contains(m.reminderId())).toList();
    }

    /**
     * Sends messages whose attempts another transaction committed SENDING (a consumer's, see {@link PromptSends}) on
     * the calling thread, different cardholders' at once, and returns when every answer is recorded, in one
     * transaction. Never on the poll's workers: a consumer's next part waits for these answers holding its accounts'
     * locks, which a poll's slice may be waiting for.
     */
    void sendPrepared(List<OutgoingMessage> ready) {
        try {
            sendAndRecord(ready);
        } catch (RejectedExecutionException stopping) {
            LOG.info("the service is stopping: prepared sends not yet with a sender are left SENDING for the reconciler");
        }
    }

    /**
     * A provider's answer exists only here until it is recorded; lost, a text's or an email's attempt becomes UNKNOWN
     * for a person to settle. So while the database is away (restarting, failing over) the slice's answers wait
     * for it, up to {@code record-answers-within}, recorded again as one transaction each time: an answer that was
     * recorded after all finds its attempt no longer SENDING and changes nothing. A failure that is not the
     * database's is taken one answer at a time, as a prepared slice's is.
     */
    private void sendAndRecord(List<OutgoingMessage> ready) {
        List<ProviderAnswer> answers = sendAll(ready);
        if (answers.isEmpty()) {
            return;
        }
        Function<List<ProviderAnswer>, List<Object>> record = batch -> {
            gate.recordAll(batch);
            return List.of();
        };
        Instant giveUpAt = Instant.now().plus(config.dispatch().recordAnswersWithin());
        try {
            TransientFailures.retrying(() -> QuarkusTransaction.requiringNew().run(() -> record.apply(answers)), Integer.MAX_VALUE,
                    ANSWERS_FIRST_PAUSE, ANSWERS_LONGEST_PAUSE, () -> Instant.now().isAfter(giveUpAt));
        } catch (RuntimeException sliceFailure) {
            oneByOne(answers, record, sliceFailure);
        }
    }

    private <T, R> List<R> oneByOne(List<T> items, Function<List<T>, List<R>> work, RuntimeException sliceFailure) {
        LOG.warnf("a slice of %d attempts failed (%s); taking them one by one", items.size(), Redact.text(sliceFailure.toString()));
        List<R> results = new ArrayList<>();
        for (T item : items) {
            try {
                results.addAll(QuarkusTransaction.requiringNew().call(() -> work.apply(List.of(item))));
            } catch (RuntimeException e) {
                // The attempt stays as it was (PENDING, DEFERRED or SENDING) and a later poll or the reconciler takes it up.
                LOG.warnf(e, "dispatching %s stopped; it is retried", item);
            }
        }
        return results;
    }

    /**
     * Hands a prepared slice to the providers, different cardholders' messages at once and each
     * cardholder's in the order they were judged. One at a time, a worker spent most of its slice
     * waiting for each provider's answer (a submit_sm_resp, an SMTP reply) before sending the next.
     */
    private List<ProviderAnswer> sendAll(List<OutgoingMessage> ready) {
        Map<String, List<OutgoingMessage>> byAccount = ready.stream()
                .collect(Collectors.groupingBy(OutgoingMessage::accountId, LinkedHashMap::new, Collectors.toList()));
        List<Future<List<ProviderAnswer>>> sending = byAccount.values().stream()
                .map(messages -> senders.submit(() -> messages.stream().map(m -> new ProviderAnswer(m.reminderId(), send(m))).toList()))
                .toList();
        List<ProviderAnswer> answers = new ArrayList<>(ready.size());
        for (Future<List<ProviderAnswer>> f : sending) {
            answers.addAll(answerOf(f));
        }
        return answers;
    }

    /**
     * {@link #send} turns every failure into a result, so a future fails only if the worker is interrupted
     * (the service is stopping): the slice's attempts then stay SENDING and the reconciler settles them.
     */
    private static List<ProviderAnswer> answerOf(Future<List<ProviderAnswer>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a slice", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending a slice failed", e.getCause());
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

    /**
     * Waits for the slice however often the waiting thread is interrupted (a stop interrupts the scheduler's threads):
     * leaving early would let the stop close the database under a slice whose sends are under way, and their answers
     * could not be recorded. The interrupt is kept for the caller.
     */
    private static void awaitDone(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    LOG.warn("a dispatch worker failed", e.getCause());
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
