package io.arrears.local;

import io.arrears.localinfra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The local server's buffers grow with the machine, as a server of its own would be set up. */
class PostgresBufferSizingTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void aQuarterOfTheMachinesMemoryBetweenOneAndEightGigabytes() {
        assertThat(PostgresServer.sharedBuffers(2 * GIB)).isEqualTo("1024MB");
        assertThat(PostgresServer.sharedBuffers(24 * GIB)).isEqualTo("6144MB");
        assertThat(PostgresServer.sharedBuffers(64 * GIB)).isEqualTo("8192MB");
    }

    @Test
    void aDurableServerRunsWithThatShare(@TempDir Path data) throws Exception {
        long physical = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long expectedMegabytes = Long.parseLong(PostgresServer.sharedBuffers(physical).replace("MB", ""));
        try (PostgresServer server = DurablePostgres.in(data);
             Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER, "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select setting::bigint * 8192 / (1024 * 1024) from pg_settings where name = 'shared_buffers'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(expectedMegabytes);
        }
    }
}
