package io.arrears.agency.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One contact with a cardholder, whoever made it. {@code channel}: SMS, EMAIL, VOICE, LETTER or VISIT.
 * {@code id} is the source's own id (reminder, agent call, agency action), so recording twice changes nothing.
 */
@Entity
@Table(name = "contact_log")
public class ContactLogEntry {

    @Id
    public String id;
    public String accountId;
    public String customerId;
    public String channel;
    public String numberDigest;
    public boolean answered;
    public boolean conversation;
    public OffsetDateTime at;
}
