package io.arrears.complaint.evidence;

import io.arrears.events.DeliveryStatus;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.Channel;
import io.arrears.events.PaymentMissed;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence side of the service: every ReminderSent and the latest PaymentMissed per account,
 * kept as received, and the contacts of a period read back from them.
 */
@ApplicationScoped
public class ContactHistory {

    private final EntityManager em;
    private final Clock clock;

    ContactHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(ReminderSent sent) {
        ContactEvent.Key key = new ContactEvent.Key();
        key.reminderId = sent.reminderId();
        key.status = sent.status().name();
        if (em.find(ContactEvent.class, key) == null) {
            ContactEvent event = new ContactEvent();
            event.reminderId = sent.reminderId();
            event.status = sent.status().name();
            event.accountId = sent.accountId();
            event.caseId = sent.caseId();
            event.channel = sent.channel();
            event.reason = sent.reason();
            event.at = sent.at();
            em.persist(event);
        }
        return Outcome.applied();
    }

    /** An agency's contact, kept with the bank's own so a complaint sees every contact the cardholder had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(AgencyActionReported action) {
        ContactEvent.Key key = new ContactEvent.Key();
        key.reminderId = action.actionId();
        key.status = action.outcome().name();
        if (em.find(ContactEvent.class, key) == null) {
            ContactEvent event = new ContactEvent();
            event.reminderId = action.actionId();
            event.status = action.outcome().name();
            event.accountId = action.accountId();
            event.caseId = action.caseId();
            event.channel = switch (action.action()) {
                case CALL -> Channel.VOICE;
                case SMS -> Channel.SMS;
                case LETTER -> Channel.LETTER;
                case VISIT -> null;
            };
            event.reason = "agency " + action.agencyId() + ": " + action.action() + ", " + action.outcome()
                    + (action.promisedAmount() == null ? "" : " of " + action.promisedAmount().toPlainString() + " " + action.currency()
                    + " by " + action.promisedDate());
            event.at = action.actedAt();
            event.agencyId = action.agencyId();
            em.persist(event);
        }
        return Outcome.applied();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(PaymentMissed missed) {
        AccountFact fact = em.find(AccountFact.class, missed.accountId());
        boolean isNew = fact == null;
        if (isNew) {
            fact = new AccountFact();
            fact.accountId = missed.accountId();
        }
        fact.customerId = missed.customerId();
        fact.daysPastDue = missed.daysPastDue();
        fact.bucket = missed.bucket();
        fact.amountOverdue = missed.amountOverdue();
        fact.currency = missed.currency();
        fact.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            em.persist(fact);
        }
        return Outcome.applied();
    }

    public Optional<AccountFact> account(String accountId) {
        return Optional.ofNullable(em.find(AccountFact.class, accountId));
    }

    public List<ContactEvent> events(String accountId, OffsetDateTime from, OffsetDateTime to) {
        return em.createQuery("select e from ContactEvent e where e.accountId = :account and e.at >= :from and e.at <= :to "
                        + "order by e.at, e.reminderId", ContactEvent.class)
                .setParameter("account", accountId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /**
     * One contact per reminder that went out: timed by its SENT (or, failing that, its earliest)
     * outcome. Suppressed reminders never reached the cardholder and are not contacts.
     */
    public static List<Contact> contacts(List<ContactEvent> events) {
        Map<String, ContactEvent> first = new LinkedHashMap<>();
        for (ContactEvent e : events) {
            // A visit is judged by the agency gate when it is asked for; the rules here are the channels'.
            if (e.status.equals(DeliveryStatus.SUPPRESSED.name()) || e.channel == null) {
                continue;
            }
            first.merge(e.reminderId, e, (a, b) -> a.status.equals("SENT") ? a : b.status.equals("SENT") || b.at.isBefore(a.at) ? b : a);
        }
        List<Contact> contacts = new ArrayList<>();
        for (ContactEvent e : first.values()) {
            contacts.add(new Contact(e.reminderId, e.channel, e.at.toInstant(), e.status));
        }
        contacts.sort(Comparator.comparing(Contact::at));
        return contacts;
    }
}
