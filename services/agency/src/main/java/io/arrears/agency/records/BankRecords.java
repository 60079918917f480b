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
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    private final EntityManager entityManager;
    private final Clock clock;

    BankRecords(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public Optional<AccountFile> account(String accountId) {
        return Optional.ofNullable(entityManager.find(AccountFile.class, accountId));
    }

    public Optional<CustomerFile> customer(String customerId) {
        return customerId == null ? Optional.empty() : Optional.ofNullable(entityManager.find(CustomerFile.class, customerId));
    }

    public Outcome record(PaymentMissed e) {
        // Hibernate inserts what an entity holds when persisted, so a new row is filled in first.
        AccountFile a = account(e.accountId()).orElse(null);
        boolean fresh = a == null;
        if (fresh) {
            a = new AccountFile();
            a.accountId = e.accountId();
        }
        a.customerId = e.customerId();
        a.bucket = e.bucket();
        a.daysPastDue = e.daysPastDue();
        a.amountOverdue = e.amountOverdue();
        a.totalBalance = e.totalBalance();
        a.currency = e.currency();
        a.cardLast4 = e.cardLast4();
        a.updatedAt = now();
        if (fresh) {
            entityManager.persist(a);
        }
        return Outcome.applied();
    }

    /** The arrears after a payment, as the account service computed them. */
    public void record(PaymentReceived e) {
        account(e.accountId()).ifPresent(a -> {
            a.amountOverdue = e.remainingOverdue();
            a.updatedAt = now();
        });
    }

    public Outcome record(CustomerUpdated e) {
        CustomerFile c = customer(e.customerId()).orElse(null);
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

    public Outcome record(ReminderSent e) {
        if (CONTACTED.contains(e.status())) {
            log(e.reminderId(), e.accountId(), e.channel().name(), null, false, false, e.at());
        }
        return Outcome.applied();
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
