package io.arrears.contact.customer;

import io.arrears.events.Channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The holders of some accounts, with their phones and consents, read together: a dispatch slice
 * weighs dozens of attempts and asks each table once, not once per attempt. Only what was read is
 * here, and it is dropped with the transaction that read it.
 */
public final class Holders {

    private final Map<String, String> customerOfAccount;
    private final Map<String, CustomerProfile> profiles;
    private final Map<String, List<CustomerPhone>> phones;
    private final Map<String, Map<Channel, Boolean>> consents;

    Holders(Map<String, String> customerOfAccount, Map<String, CustomerProfile> profiles, Map<String, List<CustomerPhone>> phones,
            Map<String, Map<Channel, Boolean>> consents) {
        this.customerOfAccount = customerOfAccount;
        this.profiles = profiles;
        this.phones = phones;
        this.consents = consents;
    }

    public Optional<CustomerProfile> holderOf(String accountId) {
        String customerId = customerOfAccount.get(accountId);
        return customerId == null ? Optional.empty() : Optional.ofNullable(profiles.get(customerId));
    }

    public Optional<ContactPoint> contactPoint(CustomerProfile profile, Channel channel) {
        return contactPoint(profile, channel, () -> phones.getOrDefault(profile.customerId, List.of()));
    }

    /** TRUE, FALSE (opted out) or null when the cardholder never decided. */
    public Boolean consent(String customerId, Channel channel) {
        return consents.getOrDefault(customerId, Map.of()).get(channel);
    }

    /**
     * The holder's own contact point for a channel: SMS and voice use the first phone in the order given
     * (primary first), a mobile for SMS. The phones are asked for only by the channels that use them.
     */
    static Optional<ContactPoint> contactPoint(CustomerProfile profile, Channel channel, Supplier<List<CustomerPhone>> phones) {
        return switch (channel) {
            case EMAIL -> Optional.ofNullable(profile.email).map(e -> new ContactPoint(channel, e, Masked.email(e), profile.name));
            case LETTER -> Optional.ofNullable(profile.postalAddress)
                    .map(a -> new ContactPoint(channel, a, "postal address on file", profile.name));
            case SMS -> phones.get().stream().filter(p -> p.type == null || p.type.equalsIgnoreCase("MOBILE")).findFirst()
                    .map(p -> new ContactPoint(channel, p.number, Masked.phone(p.number), profile.name));
            case VOICE -> phones.get().stream().findFirst()
                    .map(p -> new ContactPoint(channel, p.number, Masked.phone(p.number), profile.name));
        };
    }
}
