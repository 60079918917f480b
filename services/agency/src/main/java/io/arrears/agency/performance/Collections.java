package io.arrears.agency.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Records the bank's payments on placed accounts, once each. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Collections {

    private final EntityManager entityManager;

    Collections(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(String paymentId, String placementId, String agencyId, String accountId, String bucket, BigDecimal amount,
                       String currency, OffsetDateTime at) {
        if (entityManager.find(Collection.class, paymentId) != null) {
            return;
        }
        Collection c = new Collection();
        c.paymentId = paymentId;
        c.placementId = placementId;
        c.agencyId = agencyId;
        c.accountId = accountId;
        c.bucket = bucket;
        c.amount = amount;
        c.currency = currency;
        c.receivedAt = at;
        entityManager.persist(c);
    }
}
