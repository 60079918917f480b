package io.arrears.reminder.lifecycle;

import io.arrears.events.PaymentReceived;
import io.arrears.messaging.Absences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Payments that arrived while their account had no open case. Kafka orders an account's events
 * within a topic, not across topics: the PaymentMissed that opens a case may come after the payment
 * that cured it. Such a payment waits here until the case opens.
 */
@ApplicationScoped
class EarlyPayments {

    private static final String KEPT = "early payment";

    private final EntityManager entityManager;
    private final Absences absences;

    EarlyPayments(EntityManager entityManager, Absences absences) {
        this.entityManager = entityManager;
        this.absences = absences;
    }

    void keep(PaymentReceived payment, OffsetDateTime occurredAt) {
        absences.created(KEPT, payment.accountId());
        entityManager.createNativeQuery("""
                        insert into early_payment (payment_id, account_id, amount, remaining_overdue, currency, cured, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (payment_id) do nothing""")
                .setParameter(1, payment.paymentId()).setParameter(2, payment.accountId()).setParameter(3, payment.amount())
                .setParameter(4, payment.remainingOverdue()).setParameter(5, payment.currency()).setParameter(6, payment.cured())
                .setParameter(7, occurredAt)
                .executeUpdate();
    }

    /**
     * The account's kept payments made at or after {@code since}, oldest first; every kept payment of
     * the account is forgotten, since those made before {@code since} belong to an episode already over.
     * Asked for every case that opens, so in plain JDBC: a native query would first flush the session.
     */
    List<PaymentReceived> takeFrom(String accountId, OffsetDateTime since) {
        if (absences.known(KEPT, accountId)) {
            return List.of();
        }
        List<Kept> kept = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement("""
                    delete from early_payment where account_id = ?
                    returning payment_id, amount, remaining_overdue, currency, cured, occurred_at""")) {
                take.setString(1, accountId);
                List<Kept> rows = new ArrayList<>();
                try (ResultSet r = take.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Kept(new PaymentReceived(accountId, r.getString(1), r.getBigDecimal(2), r.getBigDecimal(3),
                                r.getString(4).strip(), r.getBoolean(5)), r.getObject(6, OffsetDateTime.class)));
                    }
                }
                return rows;
            }
        });
        return kept.stream().filter(k -> !k.at().isBefore(since)).sorted(Comparator.comparing(Kept::at)).map(Kept::payment).toList();
    }

    /** Finds in one query which of these locked accounts have no payment kept, so that {@link #takeFrom} answers for them without asking. */
    void noteAccountsWithoutPayments(Collection<String> accountIds) {
        Set<String> kept = new HashSet<>(entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement find = connection.prepareStatement("select distinct account_id from early_payment where account_id = any (?)")) {
                find.setArray(1, connection.createArrayOf("text", accountIds.toArray()));
                List<String> found = new ArrayList<>();
                try (ResultSet r = find.executeQuery()) {
                    while (r.next()) {
                        found.add(r.getString(1));
                    }
                }
                return found;
            }
        }));
        absences.note(KEPT, accountIds.stream().filter(id -> !kept.contains(id)).toList());
    }

    private record Kept(PaymentReceived payment, OffsetDateTime at) {
    }
}
