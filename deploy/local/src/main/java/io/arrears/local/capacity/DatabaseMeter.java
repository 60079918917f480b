package io.arrears.local.capacity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each service's database did, from PostgreSQL's own counters: transactions committed and rows
 * written (pg_stat_database), and which tables those rows went to (pg_stat_user_tables). Divided by the
 * reminders of the run, they say how much work one reminder costs each service and which of its rows it
 * could do without, which is where throughput on a small box is won or lost.
 */
final class DatabaseMeter {

    static final List<String> DATABASES = List.of("account", "reminder", "contact", "complaint", "agency");

    /**
     * Rows one table took. {@code hotUpdated} is the part of {@code updated} that PostgreSQL could write
     * without touching the table's indexes (no indexed column changed and the page had room).
     */
    record TableWork(long inserted, long updated, long hotUpdated, long deleted) {

        long written() {
            return inserted + updated + deleted;
        }

        TableWork minus(TableWork before) {
            return before == null ? this : new TableWork(inserted - before.inserted, updated - before.updated,
                    hotUpdated - before.hotUpdated, deleted - before.deleted);
        }
    }

    /** {@code tables} is absent from runs kept before it was measured. */
    record Work(long commits, long rowsWritten, Map<String, TableWork> tables) {

        Work minus(Work before) {
            Map<String, TableWork> done = new LinkedHashMap<>();
            if (tables != null) {
                tables.forEach((t, w) -> {
                    TableWork d = w.minus(before.tables == null ? null : before.tables.get(t));
                    if (d.written() > 0) {
                        done.put(t, d);
                    }
                });
            }
            return new Work(commits - before.commits, rowsWritten - before.rowsWritten, done);
        }
    }

    private final ServerConnection server;

    DatabaseMeter(ServerConnection server) {
        this.server = server;
    }

    Map<String, Work> sample() throws SQLException {
        Map<String, Work> work = new LinkedHashMap<>();
        try (Connection c = server.connect();
             PreparedStatement st = c.prepareStatement(
                     "select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = ?")) {
            for (String db : DATABASES) {
                st.setString(1, db);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        work.put(db, new Work(rs.getLong(1), rs.getLong(2), tables(db)));
                    }
                }
            }
        }
        return work;
    }

    /** A table's counters are kept in its own database, so each is read over a connection to it. */
    private Map<String, TableWork> tables(String db) throws SQLException {
        Map<String, TableWork> tables = new LinkedHashMap<>();
        try (Connection c = server.connect(db);
             PreparedStatement st = c.prepareStatement(
                     "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables order by relname")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new TableWork(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return tables;
    }

    static Map<String, Work> between(Map<String, Work> before, Map<String, Work> after) {
        Map<String, Work> done = new LinkedHashMap<>();
        after.forEach((db, w) -> done.put(db, before.containsKey(db) ? w.minus(before.get(db)) : w));
        return done;
    }
}
