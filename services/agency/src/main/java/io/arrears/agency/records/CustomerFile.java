package io.arrears.agency.records;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The little of a cardholder's profile an agency may be shown, and what the contact rules need. */
@Entity
@Table(name = "customer_file")
public class CustomerFile {

    @Id
    public String customerId;
    public String name;
    /** The cardholder's own numbers, one per line. */
    public String phones;
    public String address;
    public String region;
    public String timezone;
    public boolean doNotContact;
    /** The standing consent for calls and for texts: TRUE, FALSE (opted out) or null (never given). */
    public Boolean voiceConsent;
    public Boolean smsConsent;
    public OffsetDateTime updatedAt;

    public List<String> phoneList() {
        return phones == null || phones.isBlank() ? List.of() : Arrays.asList(phones.split("\n"));
    }
}
