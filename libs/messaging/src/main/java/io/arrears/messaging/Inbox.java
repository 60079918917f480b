package io.arrears.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied. Insert first, in the consumer's transaction: a
 * second delivery (even a concurrent one) finds the key taken and is skipped, and if the consumer's
 * transaction rolls back the key goes with it.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code eventId}; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery(
                        "insert into inbox (consumer, event_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    /**
     * Forgets that {@code consumer} saw {@code eventId}. Only for an event the consumer refused, when its
     * dead letter is replayed: the refusal is what the inbox remembered, not an application.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setAside(String consumer, String eventId) {
        entityManager.createNativeQuery("delete from inbox where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
    }
}
