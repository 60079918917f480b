package io.arrears.contact.dispatch;

import io.arrears.contact.channel.ProviderReceipt;
import io.arrears.contact.channel.SendResult;
import io.arrears.events.Channel;
import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<ContactAttempt, String> {

    /** Outcomes of a call that reached no one in person, and of one that reached the confirmed cardholder. */
    static final List<String> UNANSWERED = List.of("NO_ANSWER", "BUSY", "FAILED", "VOICEMAIL");
    static final List<String> CONVERSATION = List.of("ANSWERED");


    private static final String BY_REMINDER_IDS = "from ContactAttempt a where " + KeyArrays.oneOf("a.reminderId");

    /** Hibernate's lock timeout for SKIP LOCKED: another instance working on a row is passed over, not waited for. */
    private static final int SKIP_LOCKED = -2;

    List<DueAttempt> due(OffsetDateTime now, int limit) {
        // Two parameters, not a list: a list parameter makes Hibernate translate the query afresh on every poll.
        return getEntityManager().createQuery("select new io.arrears.contact.dispatch.DueAttempt(a.reminderId, a.accountId) "
                        + "from ContactAttempt a where a.status in (:pending, :deferred) and a.nextAttemptAt <= :now order by a.nextAttemptAt",
                        DueAttempt.class)
                .setParameter("pending", AttemptStatus.PENDING).setParameter("deferred", AttemptStatus.DEFERRED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    public List<String> staleSending(OffsetDateTime before, int limit) {
        return getEntityManager().createQuery("select a.reminderId from ContactAttempt a where a.status = :sending "
                        + "and a.attemptedAt < :before order by a.attemptedAt", String.class)
                .setParameter("sending", AttemptStatus.SENDING).setParameter("before", before)
                .setMaxResults(limit).getResultList();
    }

    /** The row, locked for this transaction, unless another transaction holds it. */
    public Optional<ContactAttempt> claim(String reminderId) {
        return find("reminderId", reminderId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED).firstResultOptional();
    }

    /** Those of these rows no other transaction holds, each locked for this one, in one query. */
    List<ContactAttempt> claimAll(List<String> reminderIds) {
        return KeyArrays.unheldRows(getEntityManager(), BY_REMINDER_IDS, ContactAttempt.class, reminderIds);
    }

    /** The row, locked for this transaction; one the transaction has already locked ({@link #lockAll}) is not read again. */
    public Optional<ContactAttempt> lockedById(String reminderId) {
        return findByIdOptional(reminderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Which of these reminders have an attempt already. */
    public List<String> existingIds(List<String> reminderIds) {
        return KeyArrays.query(getEntityManager(), "select reminder_id from contact_attempt where reminder_id = any(:keys)", ContactAttempt.class,
                reminderIds).getResultList();
    }

    /** These rows, each locked for this transaction, in one query. */
    public List<ContactAttempt> lockAll(List<String> reminderIds) {
        return KeyArrays.lockedRows(getEntityManager(), BY_REMINDER_IDS, ContactAttempt.class, reminderIds);
    }

    public Optional<ContactAttempt> byProviderMessageId(String providerMessageId) {
        return find("providerMessageId", providerMessageId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The attempts that carry these provider message ids, locked, by message id. */
    Map<String, ContactAttempt> lockedByProviderMessageIds(Collection<String> providerMessageIds) {
        return KeyArrays.lockedRows(getEntityManager(), "from ContactAttempt a where " + KeyArrays.oneOf("a.providerMessageId"),
                        ContactAttempt.class, providerMessageIds).stream()
                .collect(Collectors.toMap(a -> a.providerMessageId, a -> a, (a, b) -> a));
    }

    /**
     * Makes the attempts that carry these receipts' message ids and {@linkplain AttemptStatus#awaitsReceipt await a
     * receipt} DELIVERED or FAILED, in one statement that locks, changes and reads back only those rows; attempts in any
     * other status, and message ids no attempt carries, are left to the caller. In plain JDBC and without loading an
     * entity: on a statement day the receipts were a third of this service's work, most of it Hibernate reading each
     * attempt whole and writing it back whole. The session must hold none of these attempts, or it would write its
     * stale copy over the change; the receipts' transactions load none before this.
     *
     * @param receipts one per message id, each detail as the attempt keeps it
     */
    List<SettledAttempt> settleAwaitingReceipt(Collection<ProviderReceipt> receipts, OffsetDateTime now) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement settle = connection.prepareStatement("""
                    update contact_attempt a set status = r.status, status_reason = r.reason,
                        call_outcome = coalesce(r.call_outcome, a.call_outcome), next_attempt_at = null, finished_at = ?,
                        tell_sent_after = null
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as r(provider_message_id, status, reason, call_outcome)
                    where a.provider_message_id is not null and a.provider_message_id = r.provider_message_id
                        and a.status = any(?::text[])
                    returning a.reminder_id, a.case_id, a.account_id, a.channel, a.status, a.provider_message_id, a.sent_at, false""")) {
                settle.setObject(1, now);
                settle.setArray(2, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::providerMessageId).toArray()));
                settle.setArray(3, connection.createArrayOf("text",
                        receipts.stream().map(r -> AttemptStatus.onReceipt(r.delivered()).name()).toArray()));
                settle.setArray(4, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::detail).toArray()));
                settle.setArray(5, connection.createArrayOf("text", receipts.stream().map(ProviderReceipt::callOutcome).toArray()));
                settle.setArray(6, connection.createArrayOf("text", AttemptStatus.awaitingReceipt().stream().map(Enum::name).toArray()));
                return settled(settle);
            }
        });
    }

    /**
     * Runs a statement returning reminder id, case id, account id, channel, status, message id, the time the provider
     * took it and whether its SENT is told later, as {@link SettledAttempt}s.
     */
    private static List<SettledAttempt> settled(PreparedStatement statement) throws SQLException {
        List<SettledAttempt> settled = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                settled.add(new SettledAttempt(row.getString(1), row.getString(2), row.getString(3), Channel.valueOf(row.getString(4)),
                        AttemptStatus.valueOf(row.getString(5)), row.getString(6), row.getObject(7, OffsetDateTime.class), row.getBoolean(8)));
            }
        }
        return settled;
    }

    /**
     * Moves the attempts still SENDING that these answers name to SENT (with the provider's message id) or FAILED, in
     * one statement that locks, changes and reads back only those rows; an attempt no longer SENDING (the reconciler
     * settled it first) is left as it is. In plain JDBC for the reason {@link #settleAwaitingReceipt} gives: read whole
     * and written back whole through Hibernate, recording the answers was most of the dispatch threads' work. The
     * session must hold none of these attempts; the transactions that record answers load none before this.
     *
     * A text the SMS centre took waits up to {@code receiptWithin} (in the database's time) for its receipt to tell its
     * SENT ({@code tell_sent_after}); zero tells it at once.
     *
     * @param answers only final ones (ACCEPTED or REJECTED), each error as the attempt keeps it
     */
    List<SettledAttempt> recordFinalAnswers(Collection<ProviderAnswer> answers, OffsetDateTime now, Duration receiptWithin) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement record = connection.prepareStatement("""
                    update contact_attempt a set status = r.status, status_reason = r.reason,
                        provider_message_id = coalesce(r.provider_message_id, a.provider_message_id), next_attempt_at = null,
                        finished_at = ?, sent_at = case when r.status = 'SENT' then ?::timestamptz end,
                        tell_sent_after = case when r.status = 'SENT' and a.channel = 'SMS' and ?::bigint > 0
                            then statement_timestamp() + ?::bigint * interval '1 millisecond' end
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        as r(reminder_id, status, reason, provider_message_id, expected)
                    where a.reminder_id = r.reminder_id and a.status = r.expected
                    returning a.reminder_id, a.case_id, a.account_id, a.channel, a.status, a.provider_message_id, a.sent_at,
                        a.tell_sent_after is not null""")) {
                record.setObject(1, now);
                record.setObject(2, now);
                record.setLong(3, receiptWithin.toMillis());
                record.setLong(4, receiptWithin.toMillis());
                record.setArray(5, connection.createArrayOf("text", answers.stream().map(ProviderAnswer::reminderId).toArray()));
                record.setArray(6, connection.createArrayOf("text", answers.stream()
                        .map(a -> AttemptStatus.onFinalAnswer(a.result().kind() == SendResult.Kind.ACCEPTED).name()).toArray()));
                record.setArray(7, connection.createArrayOf("text", answers.stream().map(a -> a.result().error()).toArray()));
                record.setArray(8, connection.createArrayOf("text", answers.stream().map(a -> a.result().providerMessageId()).toArray()));
                // The status each row expects comes with the row: given one constant, the planner reads the whole partial
                // index of SENDING attempts, a burst's dead entries and all, instead of each attempt by its key.
                record.setArray(9, connection.createArrayOf("text", answers.stream().map(a -> AttemptStatus.SENDING.name()).toArray()));
                return settled(record);
            }
        });
    }

    /**
     * Up to {@code limit} texts whose SENT has waited its time for a receipt that has not come, each marked told and read
     * back, in one statement; rows another replica is telling are passed over. The receipt that comes later tells its
     * outcome as any other does.
     */
    List<SettledAttempt> takeSendsToTellAlone(int limit) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement("""
                    update contact_attempt a set tell_sent_after = null
                    where a.reminder_id in (select reminder_id from contact_attempt where tell_sent_after <= statement_timestamp()
                                            order by tell_sent_after limit ? for update skip locked)
                        and a.status = 'SENT'
                    returning a.reminder_id, a.case_id, a.account_id, a.channel, a.status, a.provider_message_id, a.sent_at, false""")) {
                take.setInt(1, limit);
                return settled(take);
            }
        });
    }

    /**
     * Of these attempts, those still SENDING under {@code claim}, each moved to {@code now} so that the reconciler, which
     * settles only SENDING attempts older than {@code stale-sending-after}, leaves them alone; one it settled first is no
     * longer SENDING and is not returned. In one statement that locks, changes and reads back only those rows.
     */
    List<String> takeOverClaim(UUID claim, Collection<String> reminderIds, OffsetDateTime now) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement("update contact_attempt set attempted_at = ? "
                    + "where reminder_id = any(?) and status = 'SENDING' and send_claim = ? returning reminder_id")) {
                take.setObject(1, now);
                take.setArray(2, connection.createArrayOf("text", reminderIds.toArray()));
                take.setObject(3, claim);
                List<String> taken = new ArrayList<>();
                try (ResultSet row = take.executeQuery()) {
                    while (row.next()) {
                        taken.add(row.getString(1));
                    }
                }
                return taken;
            }
        });
    }

    /**
     * Every attempt on these accounts handed to a provider since {@code since}, for the caps to count. In plain
     * JDBC: it is asked before the transaction changes any attempt, and what it reads is never an entity.
     */
    List<HandedOver> handedOverSince(Collection<String> accountIds, OffsetDateTime since) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select reminder_id, account_id, channel, attempted_at "
                    + "from contact_attempt where account_id = any(?) and attempted_at >= ?")) {
                query.setArray(1, connection.createArrayOf("text", accountIds.toArray()));
                query.setObject(2, since);
                List<HandedOver> handedOver = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        handedOver.add(new HandedOver(row.getString(1), row.getString(2), Channel.valueOf(row.getString(3)),
                                row.getObject(4, OffsetDateTime.class)));
                    }
                }
                return handedOver;
            }
        });
    }

    /** Calls to the number with this digest since {@code since} that nobody answered. */
    public int unansweredCallsSince(String destinationDigest, OffsetDateTime since) {
        return (int) count("channel = ?1 and destinationDigest = ?2 and attemptedAt >= ?3 and callOutcome in ?4",
                Channel.VOICE, destinationDigest, since, UNANSWERED);
    }

    /** Calls with the customer since {@code since} that reached them, whatever the account. */
    public int conversationsSince(String customerId, OffsetDateTime since) {
        return (int) count("channel = ?1 and customerId = ?2 and attemptedAt >= ?3 and callOutcome in ?4",
                Channel.VOICE, customerId, since, CONVERSATION);
    }

    /** When the last call about the account reached the cardholder, if one did. */
    public Optional<OffsetDateTime> lastConversation(String accountId) {
        return find("channel = ?1 and accountId = ?2 and callOutcome in ?3 order by attemptedAt desc", Channel.VOICE, accountId, CONVERSATION)
                .firstResultOptional().map(a -> a.attemptedAt);
    }

    /** Attempts on these accounts still to be made or being made; a receipt that comes later needs no contact point. */
    public long inFlight(Collection<String> accountIds) {
        return count("accountId in ?1 and status in ?2", accountIds, List.of(AttemptStatus.PENDING, AttemptStatus.DEFERRED,
                AttemptStatus.SENDING));
    }

    public List<ContactAttempt> ofAccount(String accountId) {
        return list("accountId = ?1 order by createdAt, reminderId", accountId);
    }
}
