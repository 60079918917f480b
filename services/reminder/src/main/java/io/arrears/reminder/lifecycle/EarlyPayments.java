package io.arrears.reminder.lifecycle;

import io.arrears.events.PaymentReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payments that arrived while their account had no open case. Kafka orders an account's events
 * within a topic, not across topics: the PaymentMissed that opens a case may come after the payment
 * that cured it. Such a payment waits here until the case opens.
 */
@ApplicationScoped
class EarlyPayments {

    private final EntityManager entityManager;

    EarlyPayments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void keep(PaymentReceived payment, OffsetDateTime occurredAt) {
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
     */
    @SuppressWarnings("unchecked")
    List<PaymentReceived> takeFrom(String accountId, OffsetDateTime since) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        delete from early_payment where account_id = ?1
                        returning payment_id, amount, remaining_overdue, currency, cured, occurred_at""")
                .setParameter(1, accountId).getResultList();
        return rows.stream()
                .filter(r -> !toOffsetDateTime(r[5]).isBefore(since))
                .sorted((a, b) -> toOffsetDateTime(a[5]).compareTo(toOffsetDateTime(b[5])))
                .map(r -> new PaymentReceived(accountId, (String) r[0], (BigDecimal) r[1], (BigDecimal) r[2], ((String) r[3]).strip(),
                        (Boolean) r[4]))
                .toList();
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
