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
import java.util.Objects;

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

    public static class Key implements Serializable {
        public String reminderId;
        public String status;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(reminderId, k.reminderId) && Objects.equals(status, k.status);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reminderId, status);
        }
    }
}
