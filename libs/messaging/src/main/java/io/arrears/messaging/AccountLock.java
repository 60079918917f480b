package io.arrears.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Serialises everything done for one account (events from several topics, the scheduler, agents)
 * with a transaction-scoped advisory lock, taken before any row of the account is touched. It also
 * covers rows that do not exist yet, such as the case a hold and a PaymentMissed race to create.
 *
 * <p>The transaction remembers what it holds, so asking again costs nothing: a consumed batch locks
 * all its accounts in one statement ({@link #acquireAll}) and the service's own calls then find them held.
 */
@ApplicationScoped
public class AccountLock {

    private static final String LOCK_ONE = "select pg_advisory_xact_lock(hashtextextended(?, 7))";
    /** The function runs row by row in the array's order, so the accounts are locked in the order given. */
    private static final String LOCK_ALL = "select count(pg_advisory_xact_lock(hashtextextended(k, 7))) from unnest(?::text[]) as u(k)";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transaction;

    AccountLock(EntityManager entityManager, TransactionSynchronizationRegistry transaction) {
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String accountId) {
        Set<String> held = held();
        if (held.contains(accountId)) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_ONE)) {
                lock.setString(1, accountId);
                lock.executeQuery().close();
            }
        });
        held.add(accountId);
    }

    /**
     * Locks these accounts in key order, the order every consumer and scheduler of a service takes
     * them in one by one, so batches locked either way cannot deadlock each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquireAll(Collection<String> accountIds) {
        Set<String> held = held();
        String[] missing = accountIds.stream().filter(Objects::nonNull).filter(id -> !held.contains(id))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(LOCK_ALL)) {
                lock.setArray(1, connection.createArrayOf("text", missing));
                lock.executeQuery().close();
            }
        });
        held.addAll(java.util.Arrays.asList(missing));
    }

    @SuppressWarnings("unchecked")
    private Set<String> held() {
        Set<String> held = (Set<String>) transaction.getResource(AccountLock.class);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(AccountLock.class, held);
        }
        return held;
    }
}
