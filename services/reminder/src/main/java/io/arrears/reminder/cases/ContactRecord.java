package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A delivery outcome reported by contact-channel: the case's contact history. One per reminder and status. */
@Entity
@Table(name = "contact_record")
@IdClass(ContactRecord.Key.class)
public class ContactRecord {

    @Id
    public String stepId;
    @Id
    public String status;
    public String caseId;
    public String accountId;
    public String channel;
    public String reason;
    public String providerMessageId;
    public OffsetDateTime at;

    /** The key as Hibernate needs it: field names as the entity's, a constructor without arguments, equality by value. */
    public static class Key implements Serializable {
        public String stepId;
        public String status;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(stepId, k.stepId) && Objects.equals(status, k.status);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stepId, status);
        }
    }
}
