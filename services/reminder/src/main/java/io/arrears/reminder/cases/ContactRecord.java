package io.arrears.reminder.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A delivery outcome reported by contact-channel: the case's contact history. */
@Entity
@Table(name = "contact_record")
public class ContactRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String stepId;
    public String caseId;
    public String accountId;
    public String channel;
    public String status;
    public String reason;
    public String providerMessageId;
    public OffsetDateTime at;
}
