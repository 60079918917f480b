package io.arrears.contact.dispatch;

import io.arrears.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One reminder's way to the cardholder; its id is the reminder id, which makes it the only one. */
@Entity
@Table(name = "contact_attempt")
public class ContactAttempt {

    @Id
    public String reminderId;
    public String caseId;
    public String accountId;
    public String customerId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String templateId;
    public String language;
    /** The template facts as JSON. */
    public String facts;
    /** Read freely; changed only through {@link #moveTo}, which holds it to {@link AttemptStatus}'s table. */
    @Enumerated(EnumType.STRING)
    public AttemptStatus status;
    public String statusReason;
    public OffsetDateTime notBefore;
    public OffsetDateTime nextAttemptAt;
    public int tries;
    /** The masked contact point it went to, never the address itself. */
    public String destination;
    /** The keyed digest of the number called or texted, by which the call rules count; never the number. */
    public String destinationDigest;
    /** What the IVR vendor reported of a call: ANSWERED, VOICEMAIL, NO_ANSWER, BUSY, FAILED. */
    public String callOutcome;
    public String providerMessageId;
    public OffsetDateTime createdAt;
    public OffsetDateTime attemptedAt;
    /** The transaction that last marked it SENDING ({@link Prepared#claim}). */
    public UUID sendClaim;
    public OffsetDateTime finishedAt;
    /** When the provider took it: kept for the receipt's outcome, which tells the send too ({@code ReminderSent.sentAt}). */
    public OffsetDateTime sentAt;
    /**
     * Set (in the database's time) while a text's SENT waits to be told with its receipt; cleared when the receipt
     * tells it, or when it is told alone ({@link LateReceipts}).
     */
    public OffsetDateTime tellSentAfter;
    /**
     * The guard's SEND that let the attempt first go out, and the policy pack it decided under: kept here, not as a
     * decision row of its own ({@link DecisionLog}). Null until then, and once the decisions' retention has passed.
     */
    public OffsetDateTime allowedAt;
    public String allowedByPack;

    /** @throws AttemptStatus.IllegalTransition when the status table does not allow the change */
    public void moveTo(AttemptStatus next) {
        AttemptStatus.requireTransition(status, next);
        status = next;
    }
}
