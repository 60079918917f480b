package io.arrears.local.capacity;

import io.arrears.events.EventJson;
import io.arrears.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Reads the pipeline's three topics as an outside observer: when each account's PaymentMissed reached
 * its topic, when each reminder was requested, and when its provider took it (the moment contact-channel
 * records in ReminderSent, on the shared clock, turned back into wall time). Nothing here slows the system:
 * a consumer of its own, in its own thread.
 */
final class PipelineWatch implements AutoCloseable {

    /** One reminder: when its account's arrears were announced, when it was asked for, when its provider had it. */
    static final class Reminder {
        final String accountId;
        final long requestedAt;
        volatile long atProvider = -1;
        volatile long outcomeSeenAt = -1;
        volatile String status;

        Reminder(String accountId, long requestedAt) {
            this.accountId = accountId;
            this.requestedAt = requestedAt;
        }
    }

    final Map<String, Long> missedAt = new ConcurrentHashMap<>();
    final Map<String, Reminder> reminders = new ConcurrentHashMap<>();
    /** ReminderSent that arrived before its ReminderRequested was read (another topic): matched when it is. */
    private final Map<String, EarlyOutcome> earlyOutcomes = new ConcurrentHashMap<>();

    private record EarlyOutcome(long at, long seenAt, String status) {
    }
    final Stage missed = new Stage();
    final Stage requested = new Stage();
    final Stage atProvider = new Stage();
    final Stage sent = new Stage();
    /**
     * A text's receipt: from the moment its provider took it to the moment its receipt was recorded (both on the
     * shared clock), for the receipts' outcomes that carry their send; and the texts told SENT alone, whose receipt
     * was later than contact-channel waits for it.
     */
    final org.HdrHistogram.Histogram receiptLag = new org.HdrHistogram.Histogram(3_600_000L, 3);
    volatile long textsSentAlone;
    /** PaymentReceived that cured an account. */
    final Stage cured = new Stage();
    private final long simulatedAhead;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Exception failure;

    /** The first and last moment of a stage and how many passed it, in wall-clock millis. */
    static final class Stage {
        volatile long first = Long.MAX_VALUE;
        volatile long last = Long.MIN_VALUE;
        volatile long count;
        private final java.util.List<Long> times = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        synchronized void passed(long at) {
            first = Math.min(first, at);
            last = Math.max(last, at);
            count++;
            times.add(at);
        }

        /** Per second between the 10th and the 90th percent of the stage: the steady rate, without ramp-up and tail. */
        synchronized double sustainedPerSecond() {
            if (count < 20) {
                return count <= 1 ? 0 : count * 1000.0 / Math.max(1, last - first);
            }
            List<Long> sorted = times.stream().sorted().toList();
            int from = (int) (sorted.size() * 0.1);
            int to = (int) (sorted.size() * 0.9);
            long span = Math.max(1, sorted.get(to) - sorted.get(from));
            return (to - from) * 1000.0 / span;
        }
    }

    PipelineWatch(String bootstrap, long simulatedAheadMillis) {
        this.simulatedAhead = simulatedAheadMillis;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                // Every time it reports comes from the records themselves, so reading them a quarter of a second
                // late changes no figure; fetched as they came, a few at a time, the watch took twice the CPU of
                // the provider simulators, on the cores it measures.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 512 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        // From the topics' ends as they are now, read before this returns: what a warm-up before left there is not counted.
        List<TopicPartition> partitions = Stream.of(Topics.PAYMENT_MISSED, Topics.REMINDER_REQUESTED, Topics.REMINDER_SENT, Topics.PAYMENT_RECEIVED)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach(consumer::seek);
        thread = new Thread(this::loop, "capacity-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    read(r);
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopping) {
            // closing
        } catch (Exception e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    private void read(ConsumerRecord<String, byte[]> r) {
        var body = EventJson.parse(r.value());
        switch (r.topic()) {
            case Topics.PAYMENT_MISSED -> {
                if (missedAt.putIfAbsent(body.path("accountId").asText(), r.timestamp()) == null) {
                    missed.passed(r.timestamp());
                }
            }
            case Topics.REMINDER_REQUESTED -> {
                String id = body.path("reminderId").asText();
                Reminder reminder = new Reminder(body.path("accountId").asText(), r.timestamp());
                if (reminders.putIfAbsent(id, reminder) == null) {
                    requested.passed(r.timestamp());
                    EarlyOutcome early = earlyOutcomes.remove(id);
                    if (early != null) {
                        outcome(reminder, early.at(), early.seenAt(), early.status());
                    }
                }
            }
            case Topics.PAYMENT_RECEIVED -> {
                if (body.path("cured").asBoolean()) {
                    cured.passed(r.timestamp());
                }
            }
            case Topics.REMINDER_SENT -> {
                String id = body.path("reminderId").asText();
                // A text's receipt usually tells its send too: the provider took it at sentAt.
                boolean carriesSend = body.hasNonNull("sentAt");
                long at = OffsetDateTime.parse(body.path(carriesSend ? "sentAt" : "at").asText()).toInstant().toEpochMilli() - simulatedAhead;
                String status = carriesSend ? "SENT" : body.path("status").asText();
                if (carriesSend) {
                    long receivedAt = OffsetDateTime.parse(body.path("at").asText()).toInstant().toEpochMilli() - simulatedAhead;
                    synchronized (receiptLag) {
                        receiptLag.recordValue(Math.max(0, receivedAt - at));
                    }
                } else if ("SENT".equals(status) && "SMS".equals(body.path("channel").asText())) {
                    textsSentAlone++;
                }
                Reminder reminder = reminders.get(id);
                if (reminder == null) {
                    earlyOutcomes.putIfAbsent(id, new EarlyOutcome(at, r.timestamp(), status));
                } else {
                    outcome(reminder, at, r.timestamp(), status);
                }
            }
            default -> { }
        }
    }

    private void outcome(Reminder reminder, long at, long seenAt, String status) {
        if (reminder.atProvider < 0) {
            reminder.atProvider = at;
            reminder.outcomeSeenAt = seenAt;
            reminder.status = status;
            atProvider.passed(at);
            sent.passed(seenAt);
        }
    }

    Map<String, Long> statuses() {
        Map<String, Long> counts = new HashMap<>();
        reminders.values().forEach(r -> counts.merge(r.status == null ? "none" : r.status, 1L, Long::sum));
        return counts;
    }

    void rethrow() {
        if (failure != null) {
            throw new IllegalStateException("the watch stopped reading: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(5_000);
    }
}
