package io.arrears.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The full current contact profile of a customer; each update replaces the previous one.
 * {@code relationshipEnded}: the customer has no account or product with the bank any more, so their
 * personal data may be erased on request once the records the law keeps are anonymous.
 */
public record CustomerUpdated(
        String customerId,
        List<String> accountIds,
        String name,
        List<Phone> phones,
        String email,
        PostalAddress postalAddress,
        String language,
        String timezone,
        List<Consent> consents,
        Boolean doNotContact,
        Boolean relationshipEnded) implements Event {

    public CustomerUpdated(String customerId, List<String> accountIds, String name, List<Phone> phones, String email,
                           PostalAddress postalAddress, String language, String timezone, List<Consent> consents, Boolean doNotContact) {
        this(customerId, accountIds, name, phones, email, postalAddress, language, timezone, consents, doNotContact, null);
    }

    @Override
    public String key() {
        return customerId;
    }

    @Override
    public String subject() {
        return customerId;
    }

    public record Phone(String number, String type, Boolean primary) {
    }

    public record PostalAddress(List<String> lines, String city, String postalCode, String region, String country) {
    }

    public record Consent(Channel channel, boolean granted, OffsetDateTime updatedAt) {
    }
}
