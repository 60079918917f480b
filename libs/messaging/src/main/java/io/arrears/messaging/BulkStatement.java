package io.arrears.messaging;

import io.arrears.events.IsoTimes;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * One SQL statement for many rows, for a {@link BatchHandler}. Each column travels as one text array
 * and the statement reads the rows back with {@code unnest}, casting where a column is not text:
 * {@code insert into t (a, n) select a, n::int from unnest(?::text[], ?::text[]) as u(a, n)}.
 * One round trip and one plan however many rows, where Hibernate would send a statement per row.
 */
public final class BulkStatement {

    private BulkStatement() {
    }

    /** Runs {@code sql} in the caller's transaction, after writing what the session holds; returns the rows it changed. */
    @SafeVarargs
    public static <R> int execute(EntityManager entityManager, String sql, List<R> rows, Function<R, Object>... columns) {
        if (rows.isEmpty()) {
            return 0;
        }
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int c = 0; c < columns.length; c++) {
                    String[] values = new String[rows.size()];
                    for (int r = 0; r < rows.size(); r++) {
                        values[r] = text(columns[c].apply(rows.get(r)));
                    }
                    statement.setArray(c + 1, connection.createArrayOf("text", values));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** Text PostgreSQL casts back exactly; a time always with its seconds and offset. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return IsoTimes.format(time);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
