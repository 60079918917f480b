package io.arrears.complaint.evidence;

import io.arrears.events.DeliveryStatus;
import io.arrears.events.AgencyActionReported;
import io.arrears.events.Channel;
import io.arrears.events.PaymentMissed;
import io.arrears.events.ReminderSent;
import io.arrears.messaging.BulkStatement;
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

    /**
     * Every outcome of every reminder, as received: a receipt's outcome with the send it carries on the same row
     * ({@code sent_at}), so a text sent and delivered is one row; an outcome already kept is not kept twice. It
     * writes nothing but rows keyed by reminder and status, which is why its consumer keeps no inbox; anything else
     * written here would need the inbox back ({@code Subscription.deduplicatedByItsRows}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOutcomes(List<ReminderSent> outcomes) {
        BulkStatement.execute(em, """
                        insert into contact_event (reminder_id, status, account_id, case_id, channel, reason, at, sent_at)
                        select reminder_id, status, account_id, case_id, channel, reason, at::timestamptz, sent_at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as u(reminder_id, status, account_id, case_id, channel, reason, at, sent_at)
                        on conflict do nothing""", outcomes,
                ReminderSent::reminderId, ReminderSent::status, ReminderSent::accountId, ReminderSent::caseId,
                ReminderSent::channel, ReminderSent::reason, ReminderSent::at, ContactHistory::carriedSend);
    }

    /** The send an outcome carries besides its own status; a SENT is its own row. */
    private static OffsetDateTime carriedSend(ReminderSent outcome) {
        return outcome.status() == DeliveryStatus.SENT ? null : outcome.sentAt();
    }

    /** An agency's contact, kept with the bank's own so a complaint sees every contact the cardholder had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome record(AgencyActionReported action) {
        if (em.find(ContactEvent.class, new ContactEvent.Key(action.actionId(), action.outcome().name())) == null) {
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

    /** The latest PaymentMissed of each account: of a batch, each account's last, in the order they were published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordMissed(List<PaymentMissed> missed) {
        Map<String, PaymentMissed> latest = new LinkedHashMap<>();
        missed.forEach(m -> latest.put(m.accountId(), m));
        OffsetDateTime now = OffsetDateTime.now(clock);
        BulkStatement.execute(em, """
                        insert into account_fact (account_id, customer_id, days_past_due, bucket, amount_overdue, currency, updated_at)
                        select account_id, customer_id, days_past_due::integer, bucket, amount_overdue::numeric, currency,
                               updated_at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as u(account_id, customer_id, days_past_due, bucket, amount_overdue, currency, updated_at)
                        on conflict (account_id) do update set customer_id = excluded.customer_id, days_past_due = excluded.days_past_due,
                            bucket = excluded.bucket, amount_overdue = excluded.amount_overdue, currency = excluded.currency,
                            updated_at = excluded.updated_at""", List.copyOf(latest.values()),
                PaymentMissed::accountId, PaymentMissed::customerId, PaymentMissed::daysPastDue, PaymentMissed::bucket,
                PaymentMissed::amountOverdue, PaymentMissed::currency, m -> now);
    }

    public Optional<AccountFact> account(String accountId) {
        return Optional.ofNullable(em.find(AccountFact.class, accountId));
    }

    /**
     * Every outcome told of the account's reminders in a period, one line each, a SENT carried on its receipt's row as
     * a line of its own (as if it had come alone); a SENT told both alone and on its receipt is one line.
     */
    public List<ContactEvent> events(String accountId, OffsetDateTime from, OffsetDateTime to) {
        // A row's lines lie between its send and its own time, so any row with a line in the period passes this.
        List<ContactEvent> rows = em.createQuery("select e from ContactEvent e where e.accountId = :account and e.at >= :from "
                        + "and coalesce(e.sentAt, e.at) <= :to order by e.at, e.reminderId", ContactEvent.class)
                .setParameter("account", accountId).setParameter("from", from).setParameter("to", to).getResultList();
        Map<ContactEvent.Key, ContactEvent> lines = new LinkedHashMap<>();
        rows.stream().flatMap(row -> row.lines().stream())
                .filter(line -> !line.at.isBefore(from) && !line.at.isAfter(to))
                .forEach(line -> lines.putIfAbsent(new ContactEvent.Key(line.reminderId, line.status), line));
        return lines.values().stream().sorted(Comparator.comparing((ContactEvent e) -> e.at.toInstant()).thenComparing(e -> e.reminderId)).toList();
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
