package io.arrears.local;

import io.arrears.localinfra.PostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** A server as the launcher starts one (durable, pg_stat_statements loaded), on a free port in a test's own folder. */
public final class DurablePostgres {

    private DurablePostgres() {
    }

    public static PostgresServer in(Path folder) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return PostgresServer.durable(folder.resolve("postgres"), port);
    }
}
