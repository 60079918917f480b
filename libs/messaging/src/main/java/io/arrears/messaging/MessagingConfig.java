package io.arrears.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "arrears.messaging")
public interface MessagingConfig {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /arrears/account}. */
    String source();

    /** Check every outgoing event against its JSON Schema before it enters the outbox. */
    @WithDefault("true")
    boolean validateOutgoing();

    /**
     * How long a stop waits for the batches and sends already under way ({@link WorkInFlight}). Below the
     * orchestrator's grace period (30 s in the manifests), which must also cover closing everything after it.
     */
    @WithDefault("20s")
    Duration drainTimeout();

    Relay relay();

    Inbox inbox();

    interface Relay {

        @WithDefault("true")
        boolean enabled();

        /** Rows read and published per round trip. */
        @WithDefault("500")
        int batchSize();

        /** Longest wait for a commit notification before looking at the table anyway. */
        @WithDefault("1s")
        Duration idleWait();

        /**
         * After a commit notification wakes it, how long the relay lets further commits gather before it
         * reads the table: under a burst of small transactions each round trip to the database and the
         * broker then carries many rows, not one or two. What an event's latency pays for it.
         */
        @WithDefault("20ms")
        Duration linger();

        /**
         * After this many rows published and deleted, the relay vacuums the outbox itself (0: never). Each
         * claim walks the id index from its first entry, and the rows the relay deleted stay there, each sent
         * to its heap page, until a vacuum clears them; autovacuum comes to a database about once a minute,
         * by which time a burst has left thousands behind every claim. A small outbox vacuums in a few
         * milliseconds.
         */
        @WithDefault("500")
        int vacuumEvery();

        /** How often a standby instance tries to become the active relay. */
        @WithDefault("2s")
        Duration standbyRetry();

        /** Pause after a failed publish (broker down) before trying again; doubles up to {@code maxBackoff}. */
        @WithDefault("200ms")
        Duration backoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** The outbox health group is down while the oldest waiting event is older than this. */
        @WithDefault("60s")
        Duration maxLag();

        /** Producer settings on top of the application's {@code kafka.*} ones (security, bootstrap). */
        Map<String, String> producer();
    }

    interface Inbox {

        /**
         * How long processed event ids are remembered. Longer than any consumed topic keeps its records
         * (30 days in the manifests): a consumer that starts over from the earliest offset then finds
         * every event it could be given again, and applies none twice. Dead letters older than this are
         * not replayed, for the same reason.
         */
        @WithDefault("P35D")
        Duration retention();

        /** Pause before retrying a batch that failed for a transient reason (database unavailable). */
        @WithDefault("200ms")
        Duration retryBackoff();

        @WithDefault("10s")
        Duration maxRetryBackoff();

        /**
         * At most this many records of a consumed batch are applied in one transaction, for consumers that
         * apply events one at a time: a poll of 500 heavy events on a busy machine could otherwise outlast
         * the transaction timeout, and the batch would then be redone one event per transaction.
         */
        @WithDefault("100")
        int recordsPerTransaction();

        /**
         * Events applied one at a time are written to the database this many at a time, and then
         * forgotten by the session. One at a time cost a round trip to PostgreSQL per event (each event's
         * rows in statements of their own); all of a transaction's at once would leave every later query
         * dirty-checking every row the earlier events made. Inserts of one table go in one statement
         * ({@code hibernate.order_inserts}, the driver's {@code reWriteBatchedInserts}).
         */
        @WithDefault("25")
        int recordsPerFlush();
    }
}
