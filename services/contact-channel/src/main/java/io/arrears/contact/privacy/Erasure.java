package io.arrears.contact.privacy;

import io.arrears.contact.customer.CustomerProfile;
import io.arrears.contact.customer.CustomerRepositories;
import io.arrears.contact.dispatch.AttemptRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Erases a former customer's personal data on request: phone numbers, email, postal address and name
 * go, and so do the reasons typed into their consent history and the (masked) contact points of their
 * contact attempts. What stays is anonymous: which channel was tried when, with what outcome, and the
 * guard's decisions, which collection law requires the bank to keep.
 */
@ApplicationScoped
public class Erasure {

    public static final String ERASED = "[erased]";

    private final CustomerRepositories.Profiles profiles;
    private final CustomerRepositories.Phones phones;
    private final CustomerRepositories.Accounts accounts;
    private final AttemptRepository attempts;
    private final EntityManager entityManager;
    private final Clock clock;

    Erasure(CustomerRepositories.Profiles profiles, CustomerRepositories.Phones phones, CustomerRepositories.Accounts accounts,
            AttemptRepository attempts, EntityManager entityManager, Clock clock) {
        this.profiles = profiles;
        this.phones = phones;
        this.accounts = accounts;
        this.attempts = attempts;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public CustomerProfile erase(String customerId, String actor) {
        CustomerProfile profile = profiles.findById(customerId);
        if (profile == null) {
            throw new Refused(true, "customer " + customerId + " is not known");
        }
        if (!profile.relationshipEnded) {
            throw new Refused(false, "customer " + customerId + " still holds accounts with the bank; only a former customer's"
                    + " data is erased");
        }
        List<String> accountIds = accounts.list("customerId", customerId).stream().map(a -> a.accountId).toList();
        if (!accountIds.isEmpty() && attempts.inFlight(accountIds) > 0) {
            throw new Refused(false, "contact with customer " + customerId + " is still under way; erase once it has ended");
        }
        phones.delete("customerId", customerId);
        profile.name = ERASED;
        profile.email = null;
        profile.postalAddress = null;
        profile.erasedAt = OffsetDateTime.now(clock);
        profile.erasedBy = actor;
        entityManager.createQuery("update ConsentChange c set c.reason = :erased where c.customerId = :customer")
                .setParameter("erased", ERASED).setParameter("customer", customerId).executeUpdate();
        if (!accountIds.isEmpty()) {
            entityManager.createQuery("update ContactAttempt a set a.destination = null, a.destinationDigest = null"
                    + " where a.accountId in :accounts").setParameter("accounts", accountIds).executeUpdate();
        }
        return profile;
    }

    /** An erasure that cannot be done: the customer is unknown, or still one, or still being contacted. */
    public static final class Refused extends RuntimeException {

        private final boolean unknownCustomer;

        Refused(boolean unknownCustomer, String message) {
            super(message);
            this.unknownCustomer = unknownCustomer;
        }

        public boolean unknownCustomer() {
            return unknownCustomer;
        }
    }
}
