package io.arrears.local.capacity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL's own profile of a burst: the statements that took most of its time, from pg_stat_statements,
 * which the local server loads at start. PostgreSQL is the largest single user of the machine's CPU in a
 * burst, and this says which of the services' statements that CPU went to.
 */
final class StatementMeter {

    /** One normalised statement's work during the burst; {@code totalMillis} is time executing it, waits for locks included. */
    record Busiest(String database, long calls, long rows, double totalMillis, String query) {
    }

    /**
     * All of one database's statements during the burst: how many the services sent (BEGIN among them) and the
     * time PostgreSQL spent executing them. Unlike CPU on a shared box, the count is the same from run to run.
     */
    record Totals(long calls, double totalMillis) {
    }

    private static final int QUERY_CHARS = 140;

    private final ServerConnection server;

    StatementMeter(ServerConnection server) {
        this.server = server;
    }

    /** Starts counting afresh; false if the server was started without pg_stat_statements (an older data folder). */
    boolean reset() {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("create extension if not exists pg_stat_statements");
            st.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException notLoaded) {
            return false;
        }
    }

    /** The {@code limit} statements of the services' databases with the most execution time since {@link #reset}. */
    List<Busiest> busiest(int limit) throws SQLException {
        List<Busiest> busiest = new ArrayList<>();
        try (Connection c = server.connect();
             PreparedStatement st = c.prepareStatement("""
                     select d.datname, s.calls, s.rows, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')
                     from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = any(?)
                     order by s.total_exec_time desc limit ?""")) {
            st.setArray(1, c.createArrayOf("text", DatabaseMeter.DATABASES.toArray()));
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String query = rs.getString(5);
                    busiest.add(new Busiest(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                            query.length() > QUERY_CHARS ? query.substring(0, QUERY_CHARS) + "…" : query));
                }
            }
        }
        return busiest;
    }

    /** Each of the services' databases' statements since {@link #reset}, all of them, summed. */
    Map<String, Totals> totals() throws SQLException {
        Map<String, Totals> totals = new TreeMap<>();
        try (Connection c = server.connect();
             PreparedStatement st = c.prepareStatement("""
                     select d.datname, sum(s.calls), sum(s.total_exec_time)
                     from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = any(?)
                     group by d.datname""")) {
            st.setArray(1, c.createArrayOf("text", DatabaseMeter.DATABASES.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), new Totals(rs.getLong(2), rs.getDouble(3)));
                }
            }
        }
        return totals;
    }
}
