package io.arrears.local.capacity;

import io.arrears.local.DurablePostgres;
import io.arrears.localinfra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against a real server: the WAL a change wrote, and the whole pages it logged again after a checkpoint. */
class ServerMeterTest {

    @Test
    void theFirstChangeToEachPageAfterACheckpointLogsThatPageWhole(@TempDir Path data) throws Exception {
        try (PostgresServer server = DurablePostgres.in(data)) {
            ServerMeter meter = new ServerMeter(new ServerConnection(server.jdbcUrl("postgres"), PostgresServer.USER, ""));
            long pages;
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
                 Statement st = c.createStatement()) {
                st.execute("create table step (id int primary key, status text)");
                st.execute("insert into step select n, 'PENDING' from generate_series(1, 20000) n");
                st.execute("vacuum analyze step");
                try (ResultSet rs = st.executeQuery("select relpages from pg_class where relname = 'step'")) {
                    rs.next();
                    pages = rs.getLong(1);
                }
                st.execute("checkpoint");
            }
            ServerMeter.Work before = meter.sample();

            try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
                 Statement st = c.createStatement()) {
                st.execute("checkpoint");
                st.execute("update step set status = 'SENT'");
            }
            // Each backend hands its counts over when it goes idle, at most once a second.
            await().atMost(Duration.ofSeconds(30)).until(() -> meter.sample().fullPageImages() - before.fullPageImages() >= pages);
            ServerMeter.Work done = ServerMeter.between(before, meter.sample());

            assertThat(pages).isGreaterThan(50);
            assertThat(done.checkpoints()).isGreaterThanOrEqualTo(1);
            assertThat(done.fullPageImages()).isGreaterThanOrEqualTo(pages);
            assertThat(done.walBytes()).isGreaterThan(pages * 8192);
        }
    }
}
