package io.arrears.messaging;

import jakarta.persistence.EntityManager;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.util.Collection;
import java.util.List;

/**
 * Queries that take a batch's keys as one array parameter ({@code = any(:keys)}) instead of an HQL
 * {@code in} list. Hibernate translates a query with a list parameter afresh for every length of the
 * list, and a batch asks with a new length each time: the translation cost more than the query. SQL
 * with one array parameter is translated once.
 */
public final class KeyArrays {

    private KeyArrays() {
    }

    /**
     * The SQL with {@code :keys} bound; {@code table} is the entity whose pending changes are written first,
     * as an HQL query over it would.
     */
    public static <T> NativeQuery<T> query(EntityManager entityManager, String sql, Class<T> result, Class<?> table, Collection<String> keys) {
        return entityManager.unwrap(Session.class).createNativeQuery(sql, result).addSynchronizedEntityClass(table)
                .setParameter("keys", array(keys));
    }

    /**
     * The rows of {@code entity} that the SQL selects ({@code select * … for update}), with {@code :keys} bound.
     * Hibernate is told they are locked: a locking find of one of them in the same transaction would otherwise
     * lock it again with a query of its own, translated afresh each time.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> lockedRows(EntityManager entityManager, String sql, Class<T> entity, Collection<String> keys) {
        NativeQuery<T> query = entityManager.unwrap(Session.class).createNativeQuery(sql).addEntity("locked", entity, LockMode.PESSIMISTIC_WRITE);
        return query.addSynchronizedEntityClass(entity).setParameter("keys", array(keys)).getResultList();
    }

    public static String[] array(Collection<String> keys) {
        return keys.toArray(String[]::new);
    }
}
