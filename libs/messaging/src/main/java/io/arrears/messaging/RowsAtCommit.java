package io.arrears.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Append-only rows a transaction writes and does not read back (outbox messages, history lines), held
 * until just before it commits and then sent as one JDBC batch per statement: one round trip however
 * many events a consumed batch or a group of steps produced, instead of one per row.
 *
 * <p>The rows are written in the order they were added, so identity ids keep that order. A table
 * that references rows Hibernate inserts in the same transaction must check that reference at commit
 * ({@code deferrable initially deferred}), as Hibernate may flush after this does. A failed write
 * fails the commit, as a failed flush does. Code that must read such rows inside the transaction
 * calls {@link #writeNow()} first.
 */
@ApplicationScoped
public class RowsAtCommit {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transaction;

    RowsAtCommit(AgroalDataSource dataSource, TransactionSynchronizationRegistry transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** Adds one row for {@code sql}, a parameterised insert, with these values in parameter order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String sql, Object... values) {
        pending().computeIfAbsent(sql, s -> new ArrayList<>()).add(values);
    }

    /** Writes what is held now, for a transaction that goes on to read it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeNow() {
        @SuppressWarnings("unchecked")
        Map<String, List<Object[]>> pending = (Map<String, List<Object[]>>) transaction.getResource(RowsAtCommit.class);
        if (pending != null) {
            write(pending);
        }
    }

    private Map<String, List<Object[]>> pending() {
        @SuppressWarnings("unchecked")
        Map<String, List<Object[]>> pending = (Map<String, List<Object[]>>) transaction.getResource(RowsAtCommit.class);
        if (pending == null) {
            Map<String, List<Object[]>> created = new LinkedHashMap<>();
            transaction.putResource(RowsAtCommit.class, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Inside a transaction the data source hands out the transaction's own connection, the one Hibernate
     * uses; the handle is closed again at once, as the pool expects every handle back before the commit.
     */
    private void write(Map<String, List<Object[]>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, List<Object[]>> rows : pending.entrySet()) {
                try (PreparedStatement insert = connection.prepareStatement(rows.getKey())) {
                    for (Object[] values : rows.getValue()) {
                        for (int i = 0; i < values.length; i++) {
                            insert.setObject(i + 1, values[i]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the rows held for the commit: " + e.getMessage(), e);
        }
        pending.clear();
    }
}
