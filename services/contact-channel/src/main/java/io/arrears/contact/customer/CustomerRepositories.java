package io.arrears.contact.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Panache repositories of the customer package; each is small, so they live together. */
public final class CustomerRepositories {

    private CustomerRepositories() {
    }

    /** What a read-ahead loads is only looked at, so the session keeps no snapshot of it to compare at flush. */
    private static final String READ_ONLY = "org.hibernate.readOnly";

    @ApplicationScoped
    public static class Profiles implements PanacheRepositoryBase<CustomerProfile, String> {

        List<CustomerProfile> byIds(Collection<String> customerIds) {
            return find("customerId in ?1", customerIds).withHint(READ_ONLY, true).list();
        }
    }

    @ApplicationScoped
    public static class Phones implements PanacheRepositoryBase<CustomerPhone, CustomerPhone.Key> {

        public List<CustomerPhone> of(String customerId) {
            return list("customerId = ?1 order by isPrimary desc, number", customerId);
        }

        /** Each customer's phones in the order {@link #of} gives them. */
        List<CustomerPhone> ofAll(Collection<String> customerIds) {
            return find("customerId in ?1 order by customerId, isPrimary desc, number", customerIds).withHint(READ_ONLY, true).list();
        }

        public List<CustomerPhone> byDigest(String digest) {
            return list("digest", digest);
        }
    }

    @ApplicationScoped
    public static class Accounts implements PanacheRepositoryBase<CustomerAccount, String> {

        /** The holder of each of these accounts that has one. */
        Map<String, String> customersOf(Collection<String> accountIds) {
            return getEntityManager().createQuery("select a.accountId, a.customerId from CustomerAccount a where a.accountId in :accounts",
                    Object[].class).setParameter("accounts", accountIds).getResultStream()
                    .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        }
    }

    @ApplicationScoped
    public static class Consents implements PanacheRepositoryBase<ChannelConsent, ChannelConsent.Key> {

        public List<ChannelConsent> of(String customerId) {
            return list("customerId = ?1 order by channel", customerId);
        }

        List<ChannelConsent> ofAll(Collection<String> customerIds) {
            return find("customerId in ?1", customerIds).withHint(READ_ONLY, true).list();
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

        /** Which of these accounts a complaint holds now. */
        public Set<String> heldAmong(Collection<String> accountIds) {
            return new HashSet<>(getEntityManager().createQuery(
                            "select distinct h.accountId from ContactHold h where h.accountId in :accounts and h.releasedAt is null", String.class)
                    .setParameter("accounts", accountIds).getResultList());
        }
    }
}
