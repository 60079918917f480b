package io.arrears.messaging;

import io.arrears.events.CloudEventHeaders;
import io.arrears.events.Event;
import io.arrears.events.EventJson;
import io.arrears.events.EventSchemas;
import io.arrears.events.EventType;
import io.arrears.events.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Applies a batch of consumed records in one transaction: de-duplicate each by {@code ce_id} in the
 * inbox (unless the consumer's own rows are keyed by the event: {@link Subscription#deduplicatedByItsRows}),
 * call the service, dead-letter what is unusable. The consumer's method returns only after the
 * commit, and only then does the messaging layer commit the offsets.
 *
 * <p>The batch is applied in key order (records of one key keep theirs). Every consumer keys by
 * account and locks the account it works on, so two batches running at once, or a batch and the
 * account service's end-of-day run, take their locks in one order and cannot deadlock each other;
 * Kafka promises no order across keys, so nothing is lost by it.
 *
 * <p>If the batch fails, the records are applied one by one so that a single poisonous record is
 * dead-lettered instead of holding the stream. Failures that are the infrastructure's (the database
 * is down) are retried with back-off, never dead-lettered.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    /** Stable, so records of one key stay in their offset order; keyless records come first. */
    private static final Comparator<Delivery<?>> IN_KEY_ORDER =
            Comparator.comparing(d -> d.record().key(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Inbox inbox;
    private final Outbox outbox;
    private final MessagingConfig.Inbox config;
    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final AccountLock accountLock;
    private final WorkInFlight work;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public EventIntake(Inbox inbox, Outbox outbox, MessagingConfig config, MeterRegistry registry, EntityManager entityManager,
                       AccountLock accountLock, WorkInFlight work) {
        this.accountLock = accountLock;
        this.work = work;
        this.inbox = inbox;
        this.outbox = outbox;
        this.config = config.inbox();
        this.registry = registry;
        this.entityManager = entityManager;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Applies a consumed batch with the subscription's handler, each new event once. A batch handler gets
     * the whole batch in one transaction; events applied one at a time go in transactions of at most
     * {@code records-per-transaction}, each a run of keys in key order, so a key's events keep their order.
     */
    public <T extends Event> void apply(Subscription<T> subscription, ConsumerRecords<String, byte[]> records) {
        if (!work.enter()) {
            // Not acknowledged, so not committed: the restarted service reads these records again.
            throw new WorkInFlight.Stopping(records.count() + " records for " + subscription.consumer() + " are left to be read again after the restart");
        }
        try {
            applyAll(subscription, records);
        } finally {
            work.leave();
        }
    }

    private <T extends Event> void applyAll(Subscription<T> subscription, ConsumerRecords<String, byte[]> records) {
        List<Delivery<T>> deliveries = new ArrayList<>(records.count());
        records.forEach(record -> deliveries.add(Delivery.read(record, subscription.type())));
        if (deliveries.isEmpty()) {
            return;
        }
        deliveries.sort(IN_KEY_ORDER);
        int size = subscription.batchHandler() == null ? config.recordsPerTransaction() : deliveries.size();
        for (int from = 0; from < deliveries.size(); from += size) {
            applyInOneTransaction(subscription, deliveries.subList(from, Math.min(from + size, deliveries.size())));
        }
    }

    private <T extends Event> void applyInOneTransaction(Subscription<T> subscription, List<Delivery<T>> deliveries) {
        String consumer = subscription.consumer();
        EventHandler<T> handler = subscription.handler();
        try {
            retryingTransient(() -> QuarkusTransaction.requiringNew().run(() -> {
                // One insert de-duplicates the whole batch; a key repeated inside the batch is applied once.
                List<String> ids = deliveries.stream().filter(d -> d.failure() == null).map(d -> d.headers().id()).toList();
                Set<String> fresh = subscription.withoutInbox() ? new HashSet<>(ids) : inbox.firstDeliveries(consumer, ids);
                if (subscription.locksAccounts()) {
                    accountLock.acquireAll(deliveries.stream().filter(d -> d.failure() == null && fresh.contains(d.headers().id()))
                            .map(d -> d.event().subject()).toList());
                }
                if (subscription.batchHandler() != null) {
                    applyTogether(consumer, deliveries, subscription.batchHandler(), fresh::remove);
                    return;
                }
                if (subscription.preparer() != null) {
                    subscription.preparer().handleAll(deliveries.stream().filter(d -> d.failure() == null && fresh.contains(d.headers().id()))
                            .map(Delivery::event).toList());
                }
                int applied = 0;
                for (Delivery<T> delivery : deliveries) {
                    applyOne(consumer, delivery, handler, fresh::remove);
                    if (++applied % config.recordsPerFlush() == 0) {
                        forget();
                    }
                }
            }));
        } catch (PoisonException batchFailure) {
            if (stopping) {
                // While the service shuts down, its database session goes away under the batch: that says
                // nothing about the records, so none is dead-lettered; they are redelivered after the restart.
                throw batchFailure;
            }
            LOG.warnf("batch of %d on %s failed (%s); applying its records one by one", deliveries.size(), consumer,
                    Redact.text(batchFailure.getCause().toString()));
            for (Delivery<T> delivery : deliveries) {
                try {
                    retryingTransient(() -> QuarkusTransaction.requiringNew().run(() ->
                            applyOne(consumer, delivery, handler, id -> subscription.withoutInbox() || inbox.firstDelivery(consumer, id))));
                } catch (PoisonException recordFailure) {
                    if (stopping) {
                        throw recordFailure;
                    }
                    String reason = Redact.text("processing failed: " + recordFailure.getCause());
                    // The stack trace's messages may quote row values; the reason says what failed, without them.
                    LOG.errorf("dead-lettering %s: %s", delivery.position(), reason);
                    retryingTransient(() -> QuarkusTransaction.requiringNew().run(() ->
                            deadLetter(consumer, delivery.withFailure(reason), Outbox.DeadLetterCause.FAILED)));
                }
            }
        }
    }

    /** What re-applying a dead letter came to. */
    public sealed interface Reapplied {
        record Applied() implements Reapplied {
        }

        /** The consumer has applied this event since (or a copy of it), so there is nothing to do. */
        record AlreadyApplied() implements Reapplied {
        }

        /** Still unusable, for this reason; nothing was changed. */
        record StillUnusable(String reason) implements Reapplied {
        }
    }

    /**
     * Applies one dead letter again, as {@code subscription}'s consumer would have applied the original
     * record, inside the caller's transaction. A refusal of the consumer's own left the event in its inbox;
     * that entry is set aside so that the consumer decides afresh. If the event is still unusable, the
     * caller must roll back: nothing the attempt wrote may stay, and no new dead letter is made.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public <T extends Event> Reapplied reapply(Subscription<T> subscription, ConsumerRecord<String, byte[]> original,
                                               Outbox.DeadLetterCause cause) {
        Delivery<T> delivery = Delivery.read(original, subscription.type());
        if (delivery.failure() != null) {
            return new Reapplied.StillUnusable(delivery.failure());
        }
        if (cause == Outbox.DeadLetterCause.REFUSED) {
            inbox.setAside(subscription.consumer(), delivery.headers().id());
        }
        if (!subscription.withoutInbox() && !inbox.firstDelivery(subscription.consumer(), delivery.headers().id())) {
            return new Reapplied.AlreadyApplied();
        }
        Outcome outcome = subscription.handler().handle(delivery.event(), delivery.headers());
        if (outcome instanceof Outcome.Rejected rejected) {
            return new Reapplied.StillUnusable(rejected.reason());
        }
        count(subscription.consumer(), "replayed");
        return new Reapplied.Applied();
    }

    /**
     * Writes what the records applied so far changed and lets the session forget it. Without this every
     * query of a later record flushes and dirty-checks all earlier ones, and a batch costs the square of
     * its size; done after every record, it costs a round trip per record, each carrying a few rows.
     */
    private void forget() {
        entityManager.flush();
        entityManager.clear();
    }

    /** {@code firstDelivery} says whether the event is new to the consumer, and remembers it if so. */
    private <T extends Event> void applyOne(String consumer, Delivery<T> delivery, EventHandler<T> handler, Predicate<String> firstDelivery) {
        if (delivery.failure() != null) {
            deadLetter(consumer, delivery, Outbox.DeadLetterCause.UNREADABLE);
            return;
        }
        if (!firstDelivery.test(delivery.headers().id())) {
            count(consumer, "duplicate");
            return;
        }
        Outcome outcome = handler.handle(delivery.event(), delivery.headers());
        if (outcome instanceof Outcome.Rejected rejected) {
            outbox.deadLetter(delivery.record(), consumer, Outbox.DeadLetterCause.REFUSED, rejected.reason());
            count(consumer, "dead-lettered");
            LOG.warnf("dead-lettered %s: %s", delivery.position(), Redact.text(rejected.reason()));
        } else {
            count(consumer, "applied");
        }
    }

    /** The batch path: unreadable records dead-lettered, redeliveries skipped, the new events handed over in one call. */
    private <T extends Event> void applyTogether(String consumer, List<Delivery<T>> deliveries, BatchHandler<T> handler,
                                                 Predicate<String> firstDelivery) {
        List<T> events = new ArrayList<>(deliveries.size());
        for (Delivery<T> delivery : deliveries) {
            if (delivery.failure() != null) {
                deadLetter(consumer, delivery, Outbox.DeadLetterCause.UNREADABLE);
            } else if (firstDelivery.test(delivery.headers().id())) {
                events.add(delivery.event());
            } else {
                count(consumer, "duplicate");
            }
        }
        if (!events.isEmpty()) {
            handler.handleAll(events);
            counter(consumer, "applied").increment(events.size());
        }
        forget();
    }

    /** Dead-letters once per record position, so a redelivered bad record is not dead-lettered twice. */
    private void deadLetter(String consumer, Delivery<?> delivery, Outbox.DeadLetterCause cause) {
        if (inbox.firstDelivery(consumer, "dlq:" + delivery.position())) {
            outbox.deadLetter(delivery.record(), consumer, cause, delivery.failure());
            count(consumer, "dead-lettered");
            LOG.warnf("dead-lettered %s: %s", delivery.position(), Redact.text(delivery.failure()));
        }
    }

    private void retryingTransient(Runnable work) {
        try {
            TransientFailures.retrying(work, 0, config.retryBackoff(), config.maxRetryBackoff(), () -> stopping);
        } catch (RuntimeException e) {
            throw TransientFailures.isTransient(e) ? e : new PoisonException(e);
        }
    }

    private void count(String consumer, String outcome) {
        counter(consumer, outcome).increment();
    }

    /** Looked up once per consumer and outcome: building a meter id for every record costs more than the count. */
    private Counter counter(String consumer, String outcome) {
        return counters.computeIfAbsent(consumer + "\u0000" + outcome,
                k -> registry.counter("arrears.inbox.events", "consumer", consumer, "outcome", outcome));
    }

    /** A failure that is the record's (or the code's) fault, not the infrastructure's. */
    private static final class PoisonException extends RuntimeException {
        PoisonException(RuntimeException cause) {
            super(cause);
        }
    }

    /** One consumed record, read and checked against its contract before any transaction starts. */
    record Delivery<T extends Event>(ConsumerRecord<String, byte[]> record, CloudEventHeaders headers, T event, String failure) {

        static <T extends Event> Delivery<T> read(ConsumerRecord<String, byte[]> record, Class<T> type) {
            try {
                EventType expected = EventType.of(type);
                Map<String, byte[]> raw = new HashMap<>();
                for (Header header : record.headers()) {
                    raw.put(header.key(), header.value());
                }
                CloudEventHeaders headers = CloudEventHeaders.parse(raw);
                if (!expected.ceType().equals(headers.type())) {
                    throw new InvalidEventException("ce_type '" + headers.type() + "' is not " + expected.ceType());
                }
                if (!expected.isFromProducer(headers.source())) {
                    throw new InvalidEventException("ce_source '" + headers.source() + "' may not publish " + expected.ceType()
                            + "; only " + expected.producer() + (expected.producer().endsWith("/") ? "*" : "") + " may");
                }
                var body = EventJson.parse(record.value());
                EventSchemas.requireValid(expected, body);
                return new Delivery<>(record, headers, EventJson.bind(body, type), null);
            } catch (InvalidEventException e) {
                return new Delivery<>(record, null, null, e.getMessage());
            }
        }

        Delivery<T> withFailure(String reason) {
            return new Delivery<>(record, headers, null, reason);
        }

        String position() {
            return record.topic() + "/" + record.partition() + "/" + record.offset();
        }
    }
}
