package io.arrears.local.demo;

import io.arrears.events.CaseEscalated;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.EventJson;
import io.arrears.events.EventType;
import io.arrears.events.MissedReason;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.ReminderRequested;
import io.arrears.events.ReminderSent;
import io.arrears.events.SuppressionReason;
import io.arrears.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiPredicate;

/**
 * Watches every arrears topic and dead-letter topic from the side, as an auditor would, and keeps the
 * month's tallies and latencies. Latencies are wall-clock times between Kafka record timestamps (or
 * the moment the feed published), so they measure the system, not the simulated calendar.
 */
final class Observer implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.PAYMENT_DUE_SOON, Topics.PAYMENT_MISSED, Topics.PAYMENT_RECEIVED,
            Topics.REMINDER_REQUESTED, Topics.REMINDER_SENT, Topics.PLAN_AGREED, Topics.PLAN_BROKEN, Topics.PLAN_COMPLETED,
            Topics.COMPLAINT_OPENED, Topics.COMPLAINT_RESOLVED, Topics.CASE_ESCALATED,
            Topics.deadLetter(Topics.STATEMENTS), Topics.deadLetter(Topics.PAYMENTS), Topics.deadLetter(Topics.BUSINESS_DAY),
            Topics.deadLetter(Topics.CUSTOMERS));

    /** Wall-clock publish times the feed recorded: business-day closes, and payments by id. */
    final NavigableMap<Long, String> dayClosedAt = new ConcurrentSkipListMap<>();
    final Map<String, Long> paymentPublishedAt = new ConcurrentHashMap<>();

    private final KafkaConsumer<String, byte[]> consumer;
    private final BiPredicate<String, Long> promptlyDue;
    private final Thread thread;
    private volatile boolean running = true;

    private final Map<String, String> delinquentBucket = new HashMap<>();
    private final Map<String, Request> requests = new HashMap<>();
    private final Map<String, DeliveryStatus> outcomes = new HashMap<>();
    private final Map<String, Integer> suppressedBy = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Long> missedLatency = new ArrayList<>();
    private final List<Long> paymentLatency = new ArrayList<>();
    private final List<Long> dispatchLatency = new ArrayList<>();
    private long records;

    private record Request(String accountId, String channel, long at) {
    }

    /** What the month looks like so far. */
    record Tally(long records, Map<String, Integer> counts, Map<String, Long> delinquentByBucket,
                 Map<String, Map<String, Integer>> reminders, Map<String, Integer> suppressedBy,
                 List<Long> missedLatency, List<Long> paymentLatency, List<Long> dispatchLatency, int awaitingOutcome) {

        int count(String what) {
            return counts.getOrDefault(what, 0);
        }

        int reminders(String channel, String status) {
            return reminders.getOrDefault(channel, Map.of()).getOrDefault(status, 0);
        }
    }

    /**
     * {@code promptlyDue} tells, from the account and the wall-clock time of its request, whether a
     * reminder may go out at once: only those count for dispatch latency, not those that wait, as the
     * law requires, for the cardholder's contact window to open.
     */
    Observer(String bootstrap, BiPredicate<String, Long> promptlyDue) {
        this.promptlyDue = promptlyDue;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "arrears-demo-observer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        this.thread = new Thread(this::run, "demo-observer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(TOPICS);
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(200));
                synchronized (this) {
                    batch.forEach(this::see);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    private void see(ConsumerRecord<String, byte[]> record) {
        records++;
        if (record.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            count("dead-lettered");
            return;
        }
        EventType type = EventType.forTopic(record.topic()).orElseThrow();
        Object event = EventJson.bind(EventJson.parse(record.value()), type.recordClass());
        long at = record.timestamp();
        if (event instanceof PaymentMissed missed) {
            count(missed.reason() == MissedReason.PLAN_INSTALMENT_MISSED ? "instalments missed" : "payments missed");
            delinquentBucket.put(missed.accountId(), missed.bucket());
            Long closed = dayClosedAt.floorKey(at);
            if (closed != null && missed.reason() == MissedReason.MINIMUM_NOT_PAID) {
                missedLatency.add(at - closed);
            }
        } else if (event instanceof PaymentReceived received) {
            count("payments received");
            if (received.cured() && delinquentBucket.remove(received.accountId()) != null) {
                count("cured");
            }
            Long published = paymentPublishedAt.get(received.paymentId());
            if (published != null) {
                paymentLatency.add(at - published);
            }
        } else if (event instanceof ReminderRequested request) {
            count("reminders requested");
            requests.put(request.reminderId(), new Request(request.accountId(), request.channel().name(), at));
        } else if (event instanceof ReminderSent sent) {
            see(sent, at);
        } else if (event instanceof CaseEscalated escalated) {
            count("escalated to " + escalated.target().name().toLowerCase().replace('_', ' '));
        } else if (event instanceof ComplaintOpened opened) {
            count(opened.holdsContact() ? "complaints holding contact" : "complaints not holding contact");
        } else {
            count(type.name());
        }
    }

    private void see(ReminderSent sent, long at) {
        DeliveryStatus before = outcomes.put(sent.reminderId(), sent.status());
        if (sent.status() == DeliveryStatus.SUPPRESSED && before == null) {
            suppressedBy.merge(SuppressionReason.codeOf(sent.reason()).map(Enum::name).orElse("OTHER"), 1, Integer::sum);
        }
        Request request = requests.get(sent.reminderId());
        boolean handedOver = sent.status() != DeliveryStatus.SUPPRESSED && sent.status() != DeliveryStatus.FAILED;
        if (before == null && handedOver && request != null && promptlyDue.test(request.accountId(), request.at())) {
            dispatchLatency.add(at - request.at());
        }
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** The accounts in arrears now, in a stable order. */
    synchronized List<String> delinquentAccounts() {
        return delinquentBucket.keySet().stream().sorted().toList();
    }

    synchronized Tally tally() {
        Map<String, Long> byBucket = new TreeMap<>();
        delinquentBucket.values().forEach(b -> byBucket.merge(b, 1L, Long::sum));
        Map<String, Map<String, Integer>> reminders = new TreeMap<>();
        int awaiting = 0;
        for (var request : requests.entrySet()) {
            DeliveryStatus status = outcomes.get(request.getKey());
            if (status == null) {
                awaiting++;
            }
            reminders.computeIfAbsent(request.getValue().channel(), c -> new TreeMap<>())
                    .merge(status == null ? "AWAITING" : status.name(), 1, Integer::sum);
        }
        return new Tally(records, new TreeMap<>(counts), byBucket, reminders, new TreeMap<>(suppressedBy),
                List.copyOf(missedLatency), List.copyOf(paymentLatency), List.copyOf(dispatchLatency), awaiting);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
