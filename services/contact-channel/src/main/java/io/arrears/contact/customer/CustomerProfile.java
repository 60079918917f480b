package io.arrears.contact.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The cardholder's own contact data, replaced whole by every CustomerUpdated. Never logged. */
@Entity
@Table(name = "customer_profile")
public class CustomerProfile {

    @Id
    public String customerId;
    public String name;
    public String email;
    /** The postal address as JSON, printed on letters only. */
    public String postalAddress;
    public String language;
    public String timezone;
    public boolean doNotContact;
    public OffsetDateTime updatedAt;
    public boolean relationshipEnded;
    public OffsetDateTime erasedAt;
    public String erasedBy;
}
