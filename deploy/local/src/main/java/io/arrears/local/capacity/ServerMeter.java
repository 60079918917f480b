package io.arrears.local.capacity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the PostgreSQL server did for all its databases together: the WAL it wrote, how much of it was whole
 * pages logged again after a checkpoint, the pages the services' own connections had to write out (or read in)
 * because the shared buffers had no room, and the checkpoints. These are costs no statement count shows, and
 * they depend on how the server is sized, not on what the services ask of it.
 */
final class ServerMeter {

    /** {@code backendWrites}, {@code backendReads}: pages, written out by or read into client backends. */
    record Work(long walBytes, long fullPageImages, long walBuffersFull, long backendWrites, long backendReads, long checkpoints) {

        Work minus(Work before) {
            return new Work(walBytes - before.walBytes, fullPageImages - before.fullPageImages, walBuffersFull - before.walBuffersFull,
                    backendWrites - before.backendWrites, backendReads - before.backendReads, checkpoints - before.checkpoints);
        }
    }

    private final ServerConnection server;

    ServerMeter(ServerConnection server) {
        this.server = server;
    }

    /** Null on a server without these views (PostgreSQL before 17), so a run there reports without them. */
    Work sample() {
        try (Connection c = server.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select w.wal_bytes::bigint, w.wal_fpi, w.wal_buffers_full,
                            (select coalesce(sum(writes), 0)::bigint from pg_stat_io where backend_type = 'client backend'),
                            (select coalesce(sum(reads), 0)::bigint from pg_stat_io where backend_type = 'client backend'),
                            (select num_timed + num_requested from pg_stat_checkpointer)
                     from pg_stat_wal w""")) {
            rs.next();
            return new Work(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
        } catch (SQLException e) {
            return null;
        }
    }

    static Work between(Work before, Work after) {
        return before == null || after == null ? null : after.minus(before);
    }
}
