package io.arrears.local.capacity;

import io.arrears.local.DurablePostgres;
import io.arrears.localinfra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against a real server: the rows a burst wrote, table by table, and which updates left the indexes alone. */
class DatabaseMeterTest {

    @Test
    void eachTableCountsTheRowsWrittenSinceTheFirstSampleAndWhichUpdatesWereHot(@TempDir Path data) throws Exception {
        try (PostgresServer server = DurablePostgres.in(data)) {
            server.createDatabase("contact");
            server.createDatabase("agency");
            DatabaseMeter meter = new DatabaseMeter(new ServerConnection(server.jdbcUrl("postgres"), PostgresServer.USER, ""));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("contact"), PostgresServer.USER, "");
                 Statement st = c.createStatement()) {
                st.execute("create table attempt (id int primary key, status text, note text) with (fillfactor = 50)");
                st.execute("create index attempt_due on attempt (id) where status = 'PENDING'");
                st.execute("create table untouched (id int primary key)");
                st.execute("insert into attempt select n, 'PENDING', '' from generate_series(1, 100) n");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> inserted(meter.sample(), "attempt") == 100);
            Map<String, DatabaseMeter.Work> before = meter.sample();

            try (Connection c = DriverManager.getConnection(server.jdbcUrl("contact"), PostgresServer.USER, "");
                 Statement st = c.createStatement()) {
                st.execute("insert into attempt select n, 'PENDING', '' from generate_series(101, 130) n");
                // The status is in an index's condition, so these 20 cannot be HOT; the 10 notes can.
                st.execute("update attempt set status = 'SENT' where id <= 20");
                st.execute("update attempt set note = 'seen' where id between 21 and 30");
                st.execute("delete from attempt where id > 125");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> deleted(meter.sample(), "attempt") == 5);
            Map<String, DatabaseMeter.Work> burst = DatabaseMeter.between(before, meter.sample());

            DatabaseMeter.Work contact = burst.get("contact");
            assertThat(contact.tables()).containsOnlyKeys("attempt");
            assertThat(contact.tables().get("attempt")).isEqualTo(new DatabaseMeter.TableWork(30, 30, 10, 5));
            assertThat(contact.rowsWritten()).isGreaterThanOrEqualTo(65);
            assertThat(burst.get("agency").tables()).isEmpty();
        }
    }

    private static long inserted(Map<String, DatabaseMeter.Work> sample, String table) {
        DatabaseMeter.TableWork t = sample.get("contact").tables().get(table);
        return t == null ? -1 : t.inserted();
    }

    private static long deleted(Map<String, DatabaseMeter.Work> sample, String table) {
        DatabaseMeter.TableWork t = sample.get("contact").tables().get(table);
        return t == null ? -1 : t.deleted();
    }
}
