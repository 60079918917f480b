package io.arrears.local.capacity;

import io.arrears.local.DurablePostgres;
import io.arrears.localinfra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the local server as the launcher starts it: the benchmark's profile of PostgreSQL needs pg_stat_statements loaded. */
class StatementMeterTest {

    @Test
    void theServicesStatementsSinceTheResetAreCountedBusiestFirst(@TempDir Path data) throws Exception {
        try (PostgresServer server = DurablePostgres.in(data)) {
            server.createDatabase("reminder");
            StatementMeter meter = new StatementMeter(new ServerConnection(server.jdbcUrl("postgres"), PostgresServer.USER, ""));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("reminder"), PostgresServer.USER, "");
                 Statement ddl = c.createStatement()) {
                ddl.execute("create table step (id int primary key, status text)");
                ddl.execute("insert into step select n, 'PENDING' from generate_series(1, 200) n");
            }

            assertThat(meter.reset()).isTrue();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("reminder"), PostgresServer.USER, "");
                 PreparedStatement update = c.prepareStatement("update step set status = 'SENT' where id = ?")) {
                for (int id = 1; id <= 40; id++) {
                    update.setInt(1, id);
                    update.executeUpdate();
                }
            }
            List<StatementMeter.Busiest> busiest = meter.busiest(5);

            assertThat(busiest).anySatisfy(st -> {
                assertThat(st.database()).isEqualTo("reminder");
                assertThat(st.query()).startsWith("update step set status");
                assertThat(st.calls()).isEqualTo(40);
                assertThat(st.rows()).isEqualTo(40);
            });
            // What ran before the reset is gone: the table's creation and first rows are not counted.
            assertThat(busiest).noneSatisfy(st -> assertThat(st.query()).startsWith("insert into step"));
            assertThat(busiest).isSortedAccordingTo((a, b) -> Double.compare(b.totalMillis(), a.totalMillis()));
            // Every statement of the database, summed: the forty updates and the driver's own at connecting (a SET),
            // nothing from before the reset.
            StatementMeter.Totals reminder = meter.totals().get("reminder");
            assertThat(reminder.calls()).isEqualTo(busiest.stream().filter(st -> st.database().equals("reminder")).mapToLong(StatementMeter.Busiest::calls).sum())
                    .isBetween(40L, 42L);
            assertThat(reminder.totalMillis()).isPositive();
            assertThat(meter.totals()).containsOnlyKeys("reminder");
        }
    }
}
