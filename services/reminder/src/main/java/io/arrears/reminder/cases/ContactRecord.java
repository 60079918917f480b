package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * An outcome contact-channel told that the reminder's step does not hold, kept as told: a failure, a suppression, an
 * UNKNOWN send, or one that moved no step. One per reminder and status. With the steps' sends and deliveries it makes
 * the case's contact history (agent.CaseContact).
 */
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

    /** The key as Hibernate needs it for {@code find}: named as the entity's id fields. */
    public record Key(String stepId, String status) implements Serializable {
    }
}
