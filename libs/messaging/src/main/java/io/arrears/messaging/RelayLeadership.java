package io.arrears.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Only one relay per database publishes, so one account's events leave in the order they were
 * written even when a service runs several replicas. Leadership is a session-level PostgreSQL
 * advisory lock, held by a connection of the relay's own, outside the pool: a pooled connection goes
 * back to the pool after an error still holding the lock, and then every replica, this one included,
 * stands by while the outbox grows. Closing the relay's own connection ends the session and so the
 * lock, and the server ends it too if the process dies.
 */
final class RelayLeadership {

    /** An arbitrary constant: each service has its own database, so one key per database suffices. */
    static final long LOCK_KEY = 0x6172726561727331L;
    /** How the relay's session shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "arrears-outbox-relay";

    private RelayLeadership() {
    }

    /**
     * A new physical connection for the relay alone; TCP keep-alive finds a dead peer on either side, and
     * every statement is planned for the outbox as it is at that moment.
     */
    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        // The relay asks the same few statements all day of a table that is empty one moment and holds a
        // burst's backlog the next. After five runs PostgreSQL may keep one plan for a prepared statement,
        // made when the outbox was empty: read the whole table and sort it, per batch, which a burst's backlog
        // (and the dead rows the relay leaves behind it) makes dearer with every row. Planned afresh each
        // time, the claim walks the id index for its batch.
        properties.setProperty("options", "-c plan_cache_mode=force_custom_plan");
        Connection connection = DriverManager.getConnection(jdbcUrl, properties);
        connection.setAutoCommit(true);
        return connection;
    }

    static boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Whether some session, of any replica, holds leadership of this database's relay. */
    static boolean held(Connection connection) throws SQLException {
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid).
        try (PreparedStatement query = connection.prepareStatement("""
                select exists (select 1 from pg_locks
                               where locktype = 'advisory' and granted and objsubid = 1
                                 and database = (select oid from pg_database where datname = current_database())
                                 and classid = ?::bigint::oid and objid = ?::bigint::oid)""")) {
            query.setLong(1, LOCK_KEY >>> 32);
            query.setLong(2, LOCK_KEY & 0xFFFFFFFFL);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
