package io.arrears.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

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
     * {@link #firstDelivery} for a consumed batch in one statement: of {@code eventIds}, the ones
     * {@code consumer} has not seen before. The keys are inserted in one order, so two batches that
     * share keys wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        String[] keys = new TreeSet<>(eventIds).toArray(String[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into inbox (consumer, event_id) "
                    + "select ?, k from unnest(?::text[]) with ordinality as u(k, n) order by n on conflict do nothing returning event_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", keys));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
                return fresh;
            }
        });
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
