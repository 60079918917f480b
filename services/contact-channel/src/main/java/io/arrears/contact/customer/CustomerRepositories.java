package io.arrears.contact.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Panache repositories of the customer package; each is small, so they live together. */
public final class CustomerRepositories {

    private CustomerRepositories() {
    }

    @ApplicationScoped
    public static class Profiles implements PanacheRepositoryBase<CustomerProfile, String> {
    }

    @ApplicationScoped
    public static class Phones implements PanacheRepositoryBase<CustomerPhone, CustomerPhone.Key> {

        public List<CustomerPhone> of(String customerId) {
            return list("customerId = ?1 order by isPrimary desc, number", customerId);
        }

        public List<CustomerPhone> byDigest(String digest) {
            return list("digest", digest);
        }
    }

    @ApplicationScoped
    public static class Accounts implements PanacheRepositoryBase<CustomerAccount, String> {
    }

    @ApplicationScoped
    public static class Consents implements PanacheRepositoryBase<ChannelConsent, ChannelConsent.Key> {

        public List<ChannelConsent> of(String customerId) {
            return list("customerId = ?1 order by channel", customerId);
        }
    }

    @ApplicationScoped
    public static class ConsentChanges implements PanacheRepositoryBase<ConsentChange, Long> {

        public List<ConsentChange> of(String customerId) {
            return list("customerId = ?1 order by at, id", customerId);
        }
    }

    @ApplicationScoped
    public static class Holds implements PanacheRepositoryBase<ContactHold, String> {

        public List<ContactHold> ofAccount(String accountId) {
            return list("accountId = ?1 order by openedAt", accountId);
        }

        public boolean isHeld(String accountId) {
            // Not Panache's count(): it builds its count query afresh on every call, and this one runs for every attempt.
            return !getEntityManager().createQuery("select 1 from ContactHold h where h.accountId = :account and h.releasedAt is null",
                    Integer.class).setParameter("account", accountId).setMaxResults(1).getResultList().isEmpty();
        }
    }
}
