package io.arrears.messaging;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Tells a failure worth retrying (the database is away, a lock or serialization conflict) from one
 * that will fail the same way every time and must not block the stream.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);

    private TransientFailures() {
    }

    /**
     * Runs {@code work}; while it fails transiently, pauses and runs it again, the pause doubling from
     * {@code firstPause} up to {@code maxPause}. A failure that is not transient is thrown at once; a
     * transient one is thrown after {@code attempts} runs (0: no limit) or once {@code giveUp} says so.
     */
    public static void retrying(Runnable work, int attempts, Duration firstPause, Duration maxPause, BooleanSupplier giveUp) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt == attempts || giveUp.getAsBoolean()) {
                    throw e;
                }
                LOG.warnf("transient failure, retrying in %s: %s", pause, e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    /**
     * Whether the database is out of reach (a connection lost or refused, the server shutting down or starting up),
     * rather than a conflict between transactions: what fails one transaction now fails the next one too.
     */
    public static boolean isDatabaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLRecoverableException || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException || t instanceof OptimisticLockException
                    || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
