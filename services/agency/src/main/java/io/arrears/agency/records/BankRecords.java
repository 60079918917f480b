package io.arrears.agency.records;

import io.arrears.events.AgentCallLogged;
import io.arrears.events.Channel;
import io.arrears.events.ComplaintOpened;
import io.arrears.events.ComplaintResolved;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.DeliveryStatus;
import io.arrears.events.PaymentMissed;
import io.arrears.events.PaymentReceived;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.Absences;
import io.arrears.messaging.BulkStatement;
import io.arrears.messaging.KeyArrays;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the bank's own records that agencies are judged on, from the bank's events: the account's arrears,
 * complaints that hold contact, the cardholder's profile, and every contact with the cardholder.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BankRecords {

    private static final List<DeliveryStatus> CONTACTED = List.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.UNKNOWN);

    /** {@link Absences} kind: customers with no file here yet. */
    static final String NO_CUSTOMER_FILE = "customer-file";

    private final EntityManager entityManager;
    private final Clock clock;
    private final Absences absences;

    BankRecords(EntityManager entityManager, Clock clock, Absences absences) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.absences = absences;
    }

    public Optional<AccountFile> account(String accountId) {
        return Optional.ofNullable(entityManager.find(AccountFile.class, accountId));
    }

    public Optional<CustomerFile> customer(String customerId) {
        return customerId == null ? Optional.empty() : Optional.ofNullable(entityManager.find(CustomerFile.class, customerId));
    }

    /** The arrears as of each account's latest PaymentMissed: of a batch, each account's last, in the order they were published. */
    public void recordMissed(List<PaymentMissed> missed) {
        Map<String, PaymentMissed> latest = new LinkedHashMap<>();
        missed.forEach(m -> latest.put(m.accountId(), m));
        OffsetDateTime now = now();
        BulkStatement.execute(entityManager, """
                        insert into account_file (account_id, customer_id, bucket, days_past_due, amount_overdue, total_balance, currency,
                                                  card_last4, updated_at)
                        select account_id, customer_id, bucket, days_past_due::integer, amount_overdue::numeric, total_balance::numeric,
                               currency, card_last4, updated_at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as u(account_id, customer_id, bucket, days_past_due, amount_overdue, total_balance, currency, card_last4, updated_at)
                        on conflict (account_id) do update set customer_id = excluded.customer_id, bucket = excluded.bucket,
                            days_past_due = excluded.days_past_due, amount_overdue = excluded.amount_overdue,
                            total_balance = excluded.total_balance, currency = excluded.currency, card_last4 = excluded.card_last4,
                            updated_at = excluded.updated_at""", List.copyOf(latest.values()),
                PaymentMissed::accountId, PaymentMissed::customerId, PaymentMissed::bucket, PaymentMissed::daysPastDue,
                PaymentMissed::amountOverdue, PaymentMissed::totalBalance, PaymentMissed::currency, PaymentMissed::cardLast4, m -> now);
    }

    /** The arrears after a payment, as the account service computed them. */
    public void record(PaymentReceived e) {
        account(e.accountId()).ifPresent(a -> {
            a.amountOverdue = e.remainingOverdue();
            a.updatedAt = now();
        });
    }

    /**
     * Before a transaction's customer records are applied one by one: which customers have no file yet, in one
     * query, so that a new cardholder (every one, while a book is loaded) costs no lookup.
     */
    public void beforeCustomers(List<CustomerUpdated> updates) {
        List<String> ids = updates.stream().map(CustomerUpdated::customerId).filter(Objects::nonNull).distinct().toList();
        java.util.Set<String> filed = java.util.Set.copyOf(KeyArrays.query(entityManager,
                "select customer_id from customer_file where customer_id = any(:keys)", CustomerFile.class, ids).getResultList());
        absences.note(NO_CUSTOMER_FILE, ids.stream().filter(id -> !filed.contains(id)).toList());
    }

    public Outcome record(CustomerUpdated e) {
        CustomerFile c = absences.known(NO_CUSTOMER_FILE, e.customerId()) ? null : customer(e.customerId()).orElse(null);
        if (Boolean.TRUE.equals(e.relationshipEnded())) {
            // Nothing of a former customer is kept here: no agency works on them.
            if (c != null) {
                entityManager.remove(c);
            }
            return Outcome.applied();
        }
        boolean fresh = c == null;
        if (fresh) {
            c = new CustomerFile();
            c.customerId = e.customerId();
        }
        c.name = e.name();
        c.phones = e.phones() == null ? null : e.phones().stream().map(CustomerUpdated.Phone::number).filter(Objects::nonNull)
                .map(String::strip).collect(Collectors.joining("\n"));
        CustomerUpdated.PostalAddress address = e.postalAddress();
        c.address = address == null ? null : String.join(", ", address.lines()) + ", " + address.city() + " " + address.postalCode();
        c.region = address == null ? null : address.region();
        c.timezone = e.timezone();
        c.doNotContact = Boolean.TRUE.equals(e.doNotContact());
        c.voiceConsent = consent(e, Channel.VOICE);
        c.smsConsent = consent(e, Channel.SMS);
        c.updatedAt = now();
        if (fresh) {
            entityManager.persist(c);
            absences.created(NO_CUSTOMER_FILE, c.customerId);
        }
        return Outcome.applied();
    }

    public Outcome record(ComplaintOpened e) {
        if (e.holdsContact()) {
            account(e.accountId()).ifPresent(a -> a.holds++);
        }
        return Outcome.applied();
    }

    public Outcome record(ComplaintResolved e) {
        if (e.holdsContact()) {
            account(e.accountId()).ifPresent(a -> a.holds = Math.max(0, a.holds - 1));
        }
        return Outcome.applied();
    }

    /**
     * The bank's reminders that reached the cardholder or may have, logged once each with the account's holder, at
     * the time the provider took them (a receipt's outcome carries its send: {@code ReminderSent.told}).
     * It writes nothing but rows keyed by the reminder, which is why its consumer keeps no inbox; anything else
     * written here would need the inbox back ({@code Subscription.deduplicatedByItsRows}).
     */
    public void recordOutcomes(List<ReminderSent> outcomes) {
        BulkStatement.execute(entityManager, """
                        insert into contact_log (id, account_id, customer_id, channel, answered, conversation, at)
                        select u.id, u.account_id, a.customer_id, u.channel, false, false, u.at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as u(id, account_id, channel, at)
                        left join account_file a on a.account_id = u.account_id
                        on conflict (id) do nothing""", outcomes.stream().flatMap(e -> e.told().stream())
                        .filter(e -> CONTACTED.contains(e.status())).toList(),
                ReminderSent::reminderId, ReminderSent::accountId, ReminderSent::channel, ReminderSent::at);
    }

    public Outcome record(AgentCallLogged e) {
        log(e.callId(), e.accountId(), "VOICE", null, e.conversation(), e.conversation(), e.calledAt());
        return Outcome.applied();
    }

    /** Logs a contact once; a second call with the same id updates what came of it. */
    public ContactLogEntry log(String id, String accountId, String channel, String numberDigest, boolean answered, boolean conversation,
                               OffsetDateTime at) {
        ContactLogEntry entry = entityManager.find(ContactLogEntry.class, id);
        if (entry == null) {
            entry = new ContactLogEntry();
            entry.id = id;
            entry.accountId = accountId;
            entry.customerId = account(accountId).map(a -> a.customerId).orElse(null);
            entry.channel = channel;
            entry.numberDigest = numberDigest;
            entry.at = at;
            entry.answered = answered;
            entry.conversation = conversation;
            entityManager.persist(entry);
            return entry;
        }
        entry.answered = answered;
        entry.conversation = conversation;
        return entry;
    }

    /** Contacts on {@code channels} with the account since {@code since}. */
    public long contactsSince(String accountId, List<String> channels, Instant since) {
        return entityManager.createQuery("select count(c) from ContactLogEntry c where c.accountId = :a and c.channel in :ch and c.at >= :since",
                        Long.class).setParameter("a", accountId).setParameter("ch", channels)
                .setParameter("since", since.atOffset(ZoneOffset.UTC)).getSingleResult();
    }

    /** Unanswered calls to one number since {@code since}. */
    public int unansweredCallsTo(String numberDigest, Instant since) {
        return entityManager.createQuery("select count(c) from ContactLogEntry c where c.numberDigest = :n and c.channel = 'VOICE'"
                        + " and not c.answered and c.at >= :since", Long.class)
                .setParameter("n", numberDigest).setParameter("since", since.atOffset(ZoneOffset.UTC)).getSingleResult().intValue();
    }

    /** Conversations with the debtor since {@code since}, about any of their accounts. */
    public int conversationsWith(String customerId, String accountId, Instant since) {
        return entityManager.createQuery("select count(c) from ContactLogEntry c where (c.customerId = :cu or c.accountId = :a)"
                        + " and c.channel = 'VOICE' and c.conversation and c.at >= :since", Long.class)
                .setParameter("cu", customerId).setParameter("a", accountId).setParameter("since", since.atOffset(ZoneOffset.UTC))
                .getSingleResult().intValue();
    }

    public Instant lastConversation(String accountId) {
        OffsetDateTime last = entityManager.createQuery("select max(c.at) from ContactLogEntry c where c.accountId = :a and c.conversation",
                OffsetDateTime.class).setParameter("a", accountId).getSingleResult();
        return last == null ? null : last.toInstant();
    }

    /** The latest consent core banking holds for the channel, or null when it holds none. */
    private static Boolean consent(CustomerUpdated e, Channel channel) {
        return e.consents() == null ? null : e.consents().stream().filter(c -> c.channel() == channel)
                .max(java.util.Comparator.comparing(CustomerUpdated.Consent::updatedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .map(CustomerUpdated.Consent::granted).orElse(null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
