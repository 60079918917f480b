package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ProviderReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Receipts that outran the record of their own send, kept until the attempt carries the provider's message id. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class EarlyReceipts {

    private final EntityManager entityManager;
    private final Clock clock;

    EarlyReceipts(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** In plain JDBC, one statement for a group of receipts: a native query through the session would first flush it. */
    void keepAll(List<ProviderReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement keep = connection.prepareStatement("""
                    insert into early_receipt (provider_message_id, delivered, detail, call_outcome, received_at)
                    select id, delivered, detail, call_outcome, ? from unnest(?::text[], ?::boolean[], ?::text[], ?::text[])
                        as r(id, delivered, detail, call_outcome)
                    on conflict do nothing""")) {
                keep.setObject(1, OffsetDateTime.now(clock));
                keep.setArray(2, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::providerMessageId).toArray()));
                keep.setArray(3, connection.createArrayOf("boolean", receipts.stream().map(ProviderReceipt::delivered).toArray()));
                keep.setArray(4, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::detail).toArray()));
                keep.setArray(5, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::callOutcome).toArray()));
                keep.executeUpdate();
            }
        });
    }

    /**
     * The receipts kept for these messages, by message id, taken out of keeping. Asked for every slice of
     * SMS recorded, so in plain JDBC: a native query through the session would first flush everything it holds.
     */
    Map<String, ProviderReceipt> take(List<String> providerMessageIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement("""
                    delete from early_receipt where provider_message_id = any(?)
                    returning provider_message_id, delivered, detail, call_outcome""")) {
                take.setArray(1, connection.createArrayOf("text", providerMessageIds.toArray()));
                Map<String, ProviderReceipt> taken = new HashMap<>();
                try (ResultSet row = take.executeQuery()) {
                    while (row.next()) {
                        taken.put(row.getString(1), new ProviderReceipt(row.getString(1), row.getBoolean(2), row.getString(3), row.getString(4), true));
                    }
                }
                return taken;
            }
        });
    }

    /** Kept receipts whose attempt now carries their message id (its record committed after the receipt looked for it). */
    List<ProviderReceipt> takeMatched(int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        delete from early_receipt where provider_message_id in (
                            select e.provider_message_id from early_receipt e
                            join contact_attempt a on a.provider_message_id = e.provider_message_id
                            order by e.received_at limit ?1)
                        returning provider_message_id, delivered, detail, call_outcome""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> receipt((Object[]) row)).toList();
    }

    /** Receipts for messages none of our attempts ever carried, kept longer than any send takes to be recorded. */
    int dropUnmatched(OffsetDateTime receivedBefore) {
        return entityManager.createNativeQuery("""
                        delete from early_receipt e where e.received_at < ?1
                        and not exists (select 1 from contact_attempt a where a.provider_message_id = e.provider_message_id)""")
                .setParameter(1, receivedBefore).executeUpdate();
    }

    private static ProviderReceipt receipt(Object[] row) {
        return new ProviderReceipt((String) row[0], (Boolean) row[1], (String) row[2], (String) row[3], true);
    }
}
