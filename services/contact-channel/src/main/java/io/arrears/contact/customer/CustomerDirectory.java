package io.arrears.contact.customer;

import io.arrears.events.Channel;
import io.arrears.events.CustomerUpdated;
import io.arrears.events.EventJson;
import io.arrears.messaging.Absences;
import io.arrears.messaging.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The contact data of account holders, kept from {@code corebanking.customers.v1}, and the only
 * place a contact point is looked up: whoever asks gets the holder's own, or nothing.
 */
@ApplicationScoped
public class CustomerDirectory {

    public static final String CORE_BANKING = "core-banking";
    /** {@link Absences} kinds: customers without a profile, accounts without a holder, customer|channel without a consent. */
    static final String NO_PROFILE = "customer-profile";
    static final String NO_HOLDER = "customer-account";
    static final String NO_CONSENT = "channel-consent";

    private final CustomerRepositories.Profiles profiles;
    private final CustomerRepositories.Phones phones;
    private final CustomerRepositories.Accounts accounts;
    private final CustomerRepositories.Consents consents;
    private final CustomerRepositories.ConsentChanges changes;
    private final Clock clock;
    private final PhoneDigests digests;
    private final Absences absences;

    CustomerDirectory(CustomerRepositories.Profiles profiles, CustomerRepositories.Phones phones, CustomerRepositories.Accounts accounts,
                      CustomerRepositories.Consents consents, CustomerRepositories.ConsentChanges changes, Clock clock,
                      PhoneDigests digests, Absences absences) {
        this.absences = absences;
        this.profiles = profiles;
        this.phones = phones;
        this.accounts = accounts;
        this.consents = consents;
        this.changes = changes;
        this.clock = clock;
        this.digests = digests;
    }

    /**
     * Before a transaction's updates are applied one by one: which of their customers, accounts and consents
     * are not on record yet, in one query each, so that a new cardholder (every one, while a book is loaded)
     * costs no lookup. Updates of one customer are applied under one consumer, in order, so nothing noted
     * absent here can appear meanwhile but through this transaction, which says so.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeUpdates(List<CustomerUpdated> updates) {
        Set<String> customers = updates.stream().map(CustomerUpdated::customerId).collect(Collectors.toSet());
        Set<String> withProfile = profiles.existing(customers);
        absences.note(NO_PROFILE, customers.stream().filter(c -> !withProfile.contains(c)).toList());
        Set<String> accountIds = updates.stream().flatMap(u -> u.accountIds() == null ? java.util.stream.Stream.<String>empty() : u.accountIds().stream())
                .collect(Collectors.toSet());
        Set<String> withHolder = accountIds.isEmpty() ? Set.of() : accounts.existing(accountIds);
        absences.note(NO_HOLDER, accountIds.stream().filter(a -> !withHolder.contains(a)).toList());
        Set<String> standing = consents.existingKeys(customers);
        absences.note(NO_CONSENT, updates.stream().filter(u -> u.consents() != null)
                .flatMap(u -> u.consents().stream().map(c -> consentKey(u.customerId(), c.channel())))
                .filter(k -> !standing.contains(k)).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(CustomerUpdated updated) {
        CustomerProfile profile = absences.known(NO_PROFILE, updated.customerId()) ? null : profiles.findById(updated.customerId());
        boolean isNew = profile == null;
        if (isNew) {
            profile = new CustomerProfile();
            profile.customerId = updated.customerId();
        }
        profile.name = updated.name();
        profile.email = blankToNull(updated.email());
        profile.postalAddress = updated.postalAddress() == null ? null
                : new String(EventJson.write(updated.postalAddress()), StandardCharsets.UTF_8);
        profile.language = updated.language();
        profile.timezone = updated.timezone();
        profile.doNotContact = Boolean.TRUE.equals(updated.doNotContact());
        profile.relationshipEnded = Boolean.TRUE.equals(updated.relationshipEnded());
        // A customer who comes back is described afresh by core banking; the erasure was of the old data.
        profile.erasedAt = null;
        profile.erasedBy = null;
        profile.updatedAt = OffsetDateTime.now(clock);
        if (isNew) {
            profiles.persist(profile);
            absences.created(NO_PROFILE, profile.customerId);
        } else {
            // A new profile has no phones to replace: they refer to it.
            phones.delete("customerId", updated.customerId());
            phones.flush();
        }
        List<CustomerUpdated.Phone> given = updated.phones() == null ? List.of() : updated.phones();
        for (CustomerUpdated.Phone p : given.stream().filter(p -> p.number() != null && !p.number().isBlank())
                .collect(Collectors.toMap(p -> p.number().strip(), p -> p, (a, b) -> a)).values()) {
            CustomerPhone phone = new CustomerPhone();
            phone.customerId = updated.customerId();
            phone.number = p.number().strip();
            phone.digest = digests.of(phone.number);
            phone.digestKeyed = true;
            phone.type = p.type();
            phone.isPrimary = Boolean.TRUE.equals(p.primary());
            phones.persist(phone);
        }
        for (String accountId : updated.accountIds() == null ? List.<String>of() : updated.accountIds()) {
            CustomerAccount link = absences.known(NO_HOLDER, accountId) ? null : accounts.findById(accountId);
            if (link == null) {
                link = new CustomerAccount();
                link.accountId = accountId;
                link.customerId = updated.customerId();
                accounts.persist(link);
                absences.created(NO_HOLDER, accountId);
            }
            link.customerId = updated.customerId();
        }
        for (CustomerUpdated.Consent c : updated.consents() == null ? List.<CustomerUpdated.Consent>of() : updated.consents()) {
            applyFeedConsent(updated.customerId(), c);
        }
        return Outcome.applied();
    }

    /**
     * The feed's consent replaces a standing one only if it is the feed's own or newer: an opt-out the
     * cardholder sent by SMS must not be undone by a feed that merely repeats an older state.
     */
    private void applyFeedConsent(String customerId, CustomerUpdated.Consent c) {
        ChannelConsent standing = standing(customerId, c.channel());
        boolean newer = c.updatedAt() != null && (standing == null || standing.updatedAt.isBefore(c.updatedAt()));
        boolean feedsOwn = standing == null || standing.source == ChannelConsent.Source.CORE_BANKING;
        if (standing != null && standing.granted == c.granted()) {
            return;
        }
        if (newer || (c.updatedAt() == null && feedsOwn)) {
            record(customerId, c.channel(), c.granted(), ChannelConsent.Source.CORE_BANKING, CORE_BANKING,
                    "consent in CustomerUpdated", c.updatedAt() == null ? OffsetDateTime.now(clock) : c.updatedAt());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String customerId, Channel channel, boolean granted, ChannelConsent.Source source, String actor, String reason,
                       OffsetDateTime at) {
        ChannelConsent consent = standing(customerId, channel);
        boolean isNew = consent == null;
        if (isNew) {
            consent = new ChannelConsent();
            consent.customerId = customerId;
            consent.channel = channel;
        }
        consent.granted = granted;
        consent.source = source;
        consent.updatedAt = at;
        if (isNew) {
            consents.persist(consent);
            absences.created(NO_CONSENT, consentKey(customerId, channel));
        }
        ConsentChange change = new ConsentChange();
        change.customerId = customerId;
        change.channel = channel;
        change.granted = granted;
        change.source = source;
        change.actor = actor;
        change.reason = reason;
        change.at = at;
        changes.persist(change);
    }

    public Optional<CustomerProfile> holderOf(String accountId) {
        CustomerAccount link = accounts.findById(accountId);
        return link == null ? Optional.empty() : Optional.ofNullable(profiles.findById(link.customerId));
    }

    public Optional<CustomerProfile> profile(String customerId) {
        return Optional.ofNullable(profiles.findById(customerId));
    }

    public List<ChannelConsent> consents(String customerId) {
        return consents.of(customerId);
    }

    public List<ConsentChange> consentHistory(String customerId) {
        return changes.of(customerId);
    }

    /** The holder's own contact point for a channel: SMS and voice use the primary phone (a mobile for SMS). */
    public Optional<ContactPoint> contactPoint(CustomerProfile profile, Channel channel) {
        return Holders.contactPoint(profile, channel, () -> phones.of(profile.customerId));
    }

    /**
     * The holders of these accounts with their phones and consents, in one query per table and read-only:
     * nothing read here is changed by the transaction that asks, so none of it is dirty-checked at flush.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Holders holdersOf(Collection<String> accountIds) {
        Map<String, String> customerOf = accounts.customersOf(accountIds);
        if (customerOf.isEmpty()) {
            return new Holders(Map.of(), Map.of(), Map.of(), Map.of());
        }
        Set<String> customers = new TreeSet<>(customerOf.values());
        Map<String, CustomerProfile> profilesOf = profiles.byIds(customers).stream().collect(Collectors.toMap(p -> p.customerId, p -> p));
        Map<String, List<CustomerPhone>> phonesOf = phones.ofAll(customers).stream()
                .collect(Collectors.groupingBy(p -> p.customerId, Collectors.toList()));
        Map<String, Map<Channel, Boolean>> consentsOf = new HashMap<>();
        consents.ofAll(customers).forEach(c -> consentsOf.computeIfAbsent(c.customerId, k -> new EnumMap<>(Channel.class)).put(c.channel, c.granted));
        return new Holders(customerOf, profilesOf, phonesOf, consentsOf);
    }

    /** Customers who have this number on file; an inbound SMS speaks for them only. */
    public List<String> customersWithPhone(String number) {
        return phones.byDigest(digests.of(number)).stream().map(p -> p.customerId).distinct().toList();
    }

    private ChannelConsent standing(String customerId, Channel channel) {
        return absences.known(NO_CONSENT, consentKey(customerId, channel)) ? null : consents.findById(key(customerId, channel));
    }

    private static String consentKey(String customerId, Channel channel) {
        return customerId + "|" + channel.name();
    }

    private static ChannelConsent.Key key(String customerId, Channel channel) {
        ChannelConsent.Key key = new ChannelConsent.Key();
        key.customerId = customerId;
        key.channel = channel;
        return key;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
