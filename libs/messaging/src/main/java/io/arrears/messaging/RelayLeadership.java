package io.arrears.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Only one relay per database publishes, so one account's events leave in the order they were
 * written even when a service runs several replicas. Leadership is a session-level PostgreSQL
 * advisory lock: it is held as long as the relay's connection lives and released by the server
 * if the process dies.
 */
final class RelayLeadership {

    /** An arbitrary constant: each service has its own database, so one key per database suffices. */
    static final long LOCK_KEY = 0x6172726561727331L;

    private RelayLeadership() {
    }

    static boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
