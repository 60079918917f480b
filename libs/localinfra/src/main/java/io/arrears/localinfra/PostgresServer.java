package io.arrears.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL 17 from the embedded binaries on Maven Central, on 127.0.0.1. Durable mode turns
 * fsync and synchronous commit back on: the embedded defaults trade safety for speed, which is
 * right for tests and wrong for anything that keeps data.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server for tests: random port, fresh data directory, fsync off. */
    public static PostgresServer ephemeral() {
        try {
            return new PostgresServer(builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** A server that keeps its data in {@code dataDirectory} across restarts, with durable commits. */
    public static PostgresServer durable(Path dataDirectory, int port) {
        try {
            return new PostgresServer(builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Sized as a server that keeps data, not PostgreSQL's defaults for a laptop. With 128 MB of
                    // buffers a statement day's five databases did not fit: backends evicted dirty pages themselves,
                    // each first flushing the WAL up to that page. With a checkpoint every gigabyte of WAL (about
                    // every minute of a burst), the first change to each page after it logged the whole page again,
                    // a third of the WAL. Memory is only taken as pages are used.
                    .setServerConfig("shared_buffers", sharedBuffers(physicalMemory()))
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // Per-statement counts and times, for the capacity benchmark's report and for anyone asking what the database is busy with.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "top")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A quarter of the machine's memory, PostgreSQL's own starting point for a server of its own, between 1 and 8 GB.
     * A fixed gigabyte held a 100,000-account book, not a million: the burst's cardholders, accounts and statements
     * lie scattered over tables of a million rows each, and backends read them back from the kernel's cache and
     * evicted dirty pages to make room (bench/README.md). The cap keeps the segment small enough to be mapped where
     * the kernel does not overcommit.
     */
    public static String sharedBuffers(long physicalBytes) {
        long megabytes = physicalBytes / 4 / (1024 * 1024);
        return Math.max(1024, Math.min(8192, megabytes)) + "MB";
    }

    private static long physicalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }

    /**
     * What every server here shares. The C locale, as the Kubernetes clusters' operator gives them by default, so a
     * local run sorts and compares text as production does whatever the machine's own locale: without it initdb
     * takes the environment's (C.UTF-8 here, en_US.UTF-8 on many desktops), and PostgreSQL then compares every text
     * key through the C library's collation instead of byte by byte, about 1.5% of its CPU on a statement day.
     */
    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300");
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and to every backend it started, so
     * nothing is shut down and the next start recovers from the WAL. Returns how to start it again.
     */
    public Crashed kill() {
        ProcessHandle postmaster = postmaster(port());
        List<String> commandLine = new ArrayList<>();
        commandLine.add(postmaster.info().command().orElseThrow());
        commandLine.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " outlived SIGKILL", e);
            }
        }
        return new Crashed(port(), commandLine);
    }

    /** A server killed by {@link #kill()}: {@link #restart} starts it again on its data directory and port. */
    public record Crashed(int port, List<String> commandLine) {

        public void restart(Duration bound) {
            try {
                Path log = Files.createTempFile("arrears-postgres-restart-", ".log");
                log.toFile().deleteOnExit();
                List<String> command = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    // PostgreSQL refuses to run as root; as the embedded server first did, run it in a user
                    // namespace of its own, where it is not.
                    command.addAll(List.of("unshare", "-Uu"));
                }
                command.addAll(commandLine);
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                Instant deadline = Instant.now().plus(bound);
                while (true) {
                    try (Connection ignored = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "")) {
                        return;
                    } catch (SQLException notYet) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new IllegalStateException("PostgreSQL did not come back within " + bound + ":\n"
                                    + Files.readString(log, StandardCharsets.UTF_8), notYet);
                        }
                        Thread.sleep(100);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static ProcessHandle postmaster(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(Integer.toString(port))).orElse(false))
                .filter(p -> p.parent().map(parent -> !parent.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false)).orElse(true))
                .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL postmaster listens on " + port));
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    /** Creates the database unless it exists; each service owns one. */
    public static void createDatabase(int port, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
    }

    public void createDatabase(String database) {
        createDatabase(port(), database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
