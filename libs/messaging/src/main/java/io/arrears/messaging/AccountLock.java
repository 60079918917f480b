package io.arrears.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises everything done for one account (events from several topics, the scheduler, agents)
 * with a transaction-scoped advisory lock, taken before any row of the account is touched. It also
 * covers rows that do not exist yet, such as the case a hold and a PaymentMissed race to create.
 */
@ApplicationScoped
public class AccountLock {

    private final EntityManager entityManager;

    AccountLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(String accountId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:account, 7))")
                .setParameter("account", accountId)
                .getSingleResult();
    }
}
