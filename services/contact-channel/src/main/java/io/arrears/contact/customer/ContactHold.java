package io.arrears.contact.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A complaint that holds contact with the account's holder until it is resolved. */
@Entity
@Table(name = "contact_hold")
public class ContactHold {

    @Id
    public String complaintId;
    public String accountId;
    public OffsetDateTime openedAt;
    public OffsetDateTime releasedAt;
}
