package io.arrears.complaint.evidence;

import io.arrears.events.Channel;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

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

    /** The key as Hibernate needs it for {@code find}: named as the entity's id fields. */
    public record Key(String reminderId, String status) implements Serializable {
    }
}
