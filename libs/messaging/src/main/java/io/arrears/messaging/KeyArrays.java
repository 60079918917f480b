package io.arrears.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

import java.util.Collection;
import java.util.List;

/**
 * Queries that take a batch's keys as one array parameter instead of an {@code in} list. Hibernate
 * translates a query with a list parameter afresh for every length of the list, and a batch asks with a
 * new length each time: the translation cost more than the query. A query with one array parameter is
 * translated once.
 *
 * <p>Entities are read by HQL ({@link #oneOf}), whose translation, result mapping included, Hibernate
 * keeps. A native query that returns entities has its result mapping worked out again on every run, which
 * in the capacity profile cost as much as running the query.
 */
public final class KeyArrays {

    /** Hibernate's lock timeout for SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    private KeyArrays() {
    }

    /**
     * The HQL condition "{@code path} is one of {@code :keys}", e.g. {@code oneOf("s.id")}; in SQL
     * {@code s.id = any(?)}, which PostgreSQL answers from the key's index ({@link KeyArrayFunction}).
     */
    public static String oneOf(String path) {
        return KeyArrayFunction.NAME + "(:keys, " + path + ")";
    }


    /**
     * The SQL with {@code :keys} bound, for one text column (a batch's keys found, say); {@code table} is the entity
     * whose pending changes are written first, as an HQL query over it would.
     *
     * <p>Asked for with a result class, the column was read through a result builder Hibernate compares by identity:
     * every run planned the query anew and kept the plan beside the others in its plan cache, all under one SQL, so each
     * lookup went through up to two thousand of them (3.5% of contact-channel's CPU on a statement day).
     * Without one, the first run's plan is found again.
     */
    @SuppressWarnings("unchecked")
    public static NativeQuery<String> query(EntityManager entityManager, String sql, Class<?> table, Collection<String> keys) {
        return (NativeQuery<String>) entityManager.unwrap(Session.class).createNativeQuery(sql).addSynchronizedEntityClass(table)
                .setParameter("keys", array(keys));
    }

    /** The entities the HQL selects, with {@code :keys} bound. */
    public static <T> List<T> rows(EntityManager entityManager, String hql, Class<T> entity, Collection<String> keys) {
        return typed(entityManager, hql, entity, keys).getResultList();
    }

    /** As {@link #rows}, for entities that are only read: the session keeps no snapshot of them to compare at flush. */
    public static <T> List<T> readOnlyRows(EntityManager entityManager, String hql, Class<T> entity, Collection<String> keys) {
        return typed(entityManager, hql, entity, keys).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /**
     * The entities the HQL selects, each row locked for this transaction ({@code for update}), in the order the HQL
     * gives. Hibernate knows them locked: a locking find of one of them later in the transaction asks nothing.
     */
    public static <T> List<T> lockedRows(EntityManager entityManager, String hql, Class<T> entity, Collection<String> keys) {
        return typed(entityManager, hql, entity, keys).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** As {@link #lockedRows}, passing over rows another transaction holds ({@code for update skip locked}). */
    public static <T> List<T> unheldRows(EntityManager entityManager, String hql, Class<T> entity, Collection<String> keys) {
        return typed(entityManager, hql, entity, keys).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).getResultList();
    }

    private static <T> TypedQuery<T> typed(EntityManager entityManager, String hql, Class<T> entity, Collection<String> keys) {
        return entityManager.createQuery(hql, entity).setParameter("keys", array(keys));
    }

    public static String[] array(Collection<String> keys) {
        return keys.toArray(String[]::new);
    }
}
