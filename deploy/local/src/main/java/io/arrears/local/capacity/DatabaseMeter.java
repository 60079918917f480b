package io.arrears.local.capacity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each service's database did, from PostgreSQL's own counters (pg_stat_database): transactions
 * committed and rows written. Divided by the reminders of the run, they say how much work one reminder
 * costs each service, which is where throughput on a small box is won or lost.
 */
final class DatabaseMeter {

    static final List<String> DATABASES = List.of("account", "reminder", "contact", "complaint", "agency");

    record Work(long commits, long rowsWritten) {
        Work minus(Work before) {
            return new Work(commits - before.commits, rowsWritten - before.rowsWritten);
        }
    }

    private final String url;
    private final String user;
    private final String password;

    DatabaseMeter(String serverUrl, String user, String password) {
        this.url = serverUrl;
        this.user = user;
        this.password = password;
    }

    Map<String, Work> sample() throws SQLException {
        Map<String, Work> work = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement st = c.prepareStatement(
                     "select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = ?")) {
            for (String db : DATABASES) {
                st.setString(1, db);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        work.put(db, new Work(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        return work;
    }

    static Map<String, Work> between(Map<String, Work> before, Map<String, Work> after) {
        Map<String, Work> done = new LinkedHashMap<>();
        after.forEach((db, w) -> done.put(db, before.containsKey(db) ? w.minus(before.get(db)) : w));
        return done;
    }
}
