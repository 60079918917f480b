package io.arrears.local;

import io.arrears.localinfra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The local servers' databases compare text as the Kubernetes clusters' do (the C locale), whatever the machine's. */
class LocalPostgresLocaleTest {

    @Test
    void aDurableServersDatabasesCollateInTheCLocale(@TempDir Path data) throws Exception {
        try (PostgresServer server = DurablePostgres.in(data)) {
            server.createDatabase("reminder");
            assertCLocale(server, "reminder");
        }
    }

    @Test
    void aThrowAwayServersDatabasesCollateInTheCLocale() throws Exception {
        try (PostgresServer server = PostgresServer.ephemeral()) {
            server.createDatabase("contact");
            assertCLocale(server, "contact");
        }
    }

    private static void assertCLocale(PostgresServer server, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), PostgresServer.USER, "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select datcollate, datctype from pg_database where datname = current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("C");
                assertThat(rs.getString(2)).isEqualTo("C");
            }
            // Byte order: capitals before small letters, and a letter outside ASCII after both.
            List<String> sorted = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select w from unnest(array['b', 'é', 'B', 'a']) as u(w) order by w")) {
                while (rs.next()) {
                    sorted.add(rs.getString(1));
                }
            }
            assertThat(sorted).containsExactly("B", "a", "b", "é");
        }
    }
}
