package io.arrears.complaint.evidence;

import io.arrears.events.Channel;
import io.arrears.events.DeliveryStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** One ReminderSent as the complaint service keeps it: the bank's own record of a contact and its outcome. */
@Entity
@Table(name = "contact_event")
@IdClass(ContactEvent.Key.class)
public class ContactEvent {

    @Id
    public String reminderId;
    @Id
    public String status;
    public String accountId;
    public String caseId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String reason;
    public OffsetDateTime at;
    /** The agency that made the contact; null for the bank's own. A visit has no channel. */
    public String agencyId;
    /**
     * When the reminder went out, on an outcome told with its send (a text's receipt): the SENT it stands for,
     * kept on this row rather than in a row of its own, since it says nothing else.
     */
    public OffsetDateTime sentAt;

    /** What this row tells, in the order it happened: the SENT it carries, if any, then its own outcome. */
    public List<ContactEvent> lines() {
        if (sentAt == null) {
            return List.of(this);
        }
        ContactEvent sent = new ContactEvent();
        sent.reminderId = reminderId;
        sent.status = DeliveryStatus.SENT.name();
        sent.accountId = accountId;
        sent.caseId = caseId;
        sent.channel = channel;
        sent.at = sentAt;
        return List.of(sent, this);
    }

    /** The key as Hibernate needs it for {@code find}: named as the entity's id fields. */
    public record Key(String reminderId, String status) implements Serializable {
    }
}
