package io.arrears.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once acknowledged (acks=all,
 * idempotent producer). A crash between the acknowledgement and the delete publishes a row again;
 * consumers de-duplicate on {@code ce_id}, so that is harmless, while losing a row is impossible.
 *
 * <p>The relay works on a connection of its own, which also holds its leadership ({@link RelayLeadership}).
 * A row Kafka refuses for good (too large, an invalid topic) is moved to {@code outbox_parked} with the
 * reason, counted, and the rows behind it go on; a failure that may pass (broker away) is retried.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MessagingConfig.Relay config;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();

    private final String jdbcUrl;
    private final String user;
    private final String password;
    /** Rows deleted since the relay last vacuumed the outbox; only the relay's own thread touches it. */
    private long deletedSinceVacuum;
    private volatile boolean running;
    private volatile boolean leader;
    private volatile boolean leaderKnown;
    private volatile Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(MessagingConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       MeterRegistry registry, Clock clock, Config settings) {
        this.jdbcUrl = settings.getValue("quarkus.datasource.jdbc.url", String.class);
        this.user = settings.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        this.password = settings.getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
        this.clock = clock;
        this.config = config.relay();
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        registry.gauge("arrears.outbox.oldest.pending.seconds", oldestPendingAgeMillis, v -> v.get() / 1000.0);
        registry.gauge("arrears.outbox.relay.leader", this, r -> r.leader ? 1 : 0);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    public boolean isLeader() {
        return leader;
    }

    /** Whether this replica knows a relay, its own or another's, to be publishing this database's outbox. */
    public boolean leaderKnown() {
        return !config.enabled() || leaderKnown;
    }

    /** Age of the oldest row waiting to leave, as the active relay last saw it; zero on a standby. */
    public Duration oldestPending() {
        return Duration.ofMillis(oldestPendingAgeMillis.get());
    }

    private void run() {
        Duration backoff = config.backoff();
        while (running) {
            try (Connection connection = RelayLeadership.connect(jdbcUrl, user, password)) {
                while (running && !RelayLeadership.tryAcquire(connection)) {
                    leader = false;
                    leaderKnown = RelayLeadership.held(connection);
                    pause(config.standbyRetry());
                }
                if (!running) {
                    break;
                }
                leader = true;
                leaderKnown = true;
                LOG.info("outbox relay is active");
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen arrears_outbox");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    int sent = relayBatch(connection);
                    backoff = config.backoff();
                    if (sent < config.batchSize()) {
                        PGNotification[] woken = notifications.getNotifications((int) config.idleWait().toMillis());
                        if (woken != null && woken.length > 0) {
                            pause(config.linger());
                        }
                    }
                }
            } catch (Exception e) {
                // Closing the connection (try-with-resources) ended the session, and with it our leadership.
                leader = false;
                leaderKnown = false;
                if (!running) {
                    break;
                }
                LOG.warnf("outbox relay paused %s: %s", backoff, rootMessage(e));
                closeProducer();
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        leader = false;
    }

    /** Publishes up to one batch; returns how many rows it published. */
    int relayBatch(Connection connection) throws Exception {
        List<Row> rows = pending(connection);
        if (rows.isEmpty()) {
            oldestPendingAgeMillis.set(0);
            return 0;
        }
        oldestPendingAgeMillis.set(Duration.between(rows.get(0).createdAt, OffsetDateTime.now(clock)).toMillis());
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(new ProducerRecord<>(row.topic, null, row.key, row.payload, OutboxHeaders.toKafka(row.headers))));
        }
        kafka.flush();
        List<Row> published = new ArrayList<>(rows.size());
        Exception retry = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get();
                published.add(rows.get(i));
            } catch (ExecutionException e) {
                if (refusedForGood(e.getCause())) {
                    park(connection, rows.get(i), e.getCause());
                } else if (retry == null) {
                    retry = e;
                }
            }
        }
        delete(connection, published);
        vacuumAfter(connection, published.size());
        for (Row row : published) {
            this.published.computeIfAbsent(row.topic, t -> Counter.builder("arrears.outbox.published")
                    .tag("topic", t).register(registry)).increment();
        }
        if (retry != null) {
            throw retry;
        }
        return rows.size();
    }

    /** Kafka will refuse this record however often it is sent; anything else may pass. */
    static boolean refusedForGood(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof InvalidRecordException
                || failure instanceof SerializationException;
    }

    /** Moves a row Kafka refuses to outbox_parked with the reason, so that the rows behind it can leave. */
    private void park(Connection connection, Row row, Throwable reason) throws SQLException {
        String why = OutboxHeaders.printable(reason.getClass().getSimpleName() + ": " + reason.getMessage(), 2000);
        try (PreparedStatement move = connection.prepareStatement("""
                with moved as (delete from outbox where id = ? returning id, topic, record_key, headers, payload, created_at)
                insert into outbox_parked (id, topic, record_key, headers, payload, created_at, reason)
                select id, topic, record_key, headers, payload, created_at, ? from moved""")) {
            move.setLong(1, row.id);
            move.setString(2, why);
            move.executeUpdate();
        }
        registry.counter("arrears.outbox.parked", "topic", row.topic).increment();
        LOG.errorf("outbox row %d for %s parked in outbox_parked: %s", row.id, row.topic, why);
    }

    private List<Row> pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, record_key, headers::text, payload, created_at from outbox order by id limit ?")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), parseHeaders(rs.getString(4)),
                            rs.getBytes(5), rs.getObject(6, OffsetDateTime.class)));
                }
            }
            return rows;
        }
    }

    private void delete(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Long[] ids = rows.stream().map(r -> r.id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids);
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    /**
     * Clears the rows the relay deleted once enough have gone (see {@link MessagingConfig.Relay#vacuumEvery()}).
     * {@code skip_locked} leaves the table to a vacuum already under way; {@code truncate false} never takes the
     * lock that shortening the file needs, which would hold up the services' inserts. A vacuum that fails
     * (a role that does not own the table) costs the claims their speed, never an event.
     */
    private void vacuumAfter(Connection connection, int deleted) {
        if (config.vacuumEvery() <= 0) {
            return;
        }
        deletedSinceVacuum += deleted;
        if (deletedSinceVacuum < config.vacuumEvery()) {
            return;
        }
        deletedSinceVacuum = 0;
        try (Statement vacuum = connection.createStatement()) {
            vacuum.execute("vacuum (skip_locked, truncate false) outbox");
        } catch (SQLException e) {
            LOG.warnf("the relay could not vacuum the outbox (%s); autovacuum is left to it", rootMessage(e));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> parseHeaders(String json) {
        try {
            return io.arrears.events.EventJson.mapper().readValue(json, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException("outbox headers are not a JSON object: " + json, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (ProducerConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            settings.putAll(config.producer());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    /** A producer that failed may hold a broken idempotence state; a fresh one starts clean. */
    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (Exception e) {
                LOG.debug("closing the relay producer", e);
            }
            producer = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(long id, String topic, String key, Map<String, String> headers, byte[] payload, OffsetDateTime createdAt) {
    }
}
