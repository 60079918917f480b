package io.arrears.contact.customer;

import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Panache repositories of the customer package; each is small, so they live together. */
public final class CustomerRepositories {

    private CustomerRepositories() {
    }

    /** What a read-ahead loads is only looked at, so the session keeps no snapshot of it to compare at flush. */
    private static <T> List<T> readAhead(EntityManager entityManager, Class<T> entity, String hql, Collection<String> keys) {
        return KeyArrays.readOnlyRows(entityManager, hql, entity, keys);
    }

    @ApplicationScoped
    public static class Profiles implements PanacheRepositoryBase<CustomerProfile, String> {

        /** Which of these customers have a profile. */
        Set<String> existing(Collection<String> customerIds) {
            return Set.copyOf(KeyArrays.query(getEntityManager(), "select customer_id from customer_profile where customer_id = any(:keys)",
                    CustomerProfile.class, customerIds).getResultList());
        }

        List<CustomerProfile> byIds(Collection<String> customerIds) {
            return readAhead(getEntityManager(), CustomerProfile.class, "from CustomerProfile p where " + KeyArrays.oneOf("p.customerId"),
                    customerIds);
        }
    }

    @ApplicationScoped
    public static class Phones implements PanacheRepositoryBase<CustomerPhone, CustomerPhone.Key> {

        public List<CustomerPhone> of(String customerId) {
            return list("customerId = ?1 order by isPrimary desc, number", customerId);
        }

        /** Each customer's phones in the order {@link #of} gives them. */
        List<CustomerPhone> ofAll(Collection<String> customerIds) {
            return readAhead(getEntityManager(), CustomerPhone.class,
                    "from CustomerPhone p where " + KeyArrays.oneOf("p.customerId") + " order by p.customerId, p.isPrimary desc, p.number", customerIds);
        }

        public List<CustomerPhone> byDigest(String digest) {
            return list("digest", digest);
        }
    }

    @ApplicationScoped
    public static class Accounts implements PanacheRepositoryBase<CustomerAccount, String> {

        /** Which of these accounts have a holder on record. */
        Set<String> existing(Collection<String> accountIds) {
            return Set.copyOf(KeyArrays.query(getEntityManager(), "select account_id from customer_account where account_id = any(:keys)",
                    CustomerAccount.class, accountIds).getResultList());
        }

        /** The holder of each of these accounts that has one. */
        Map<String, String> customersOf(Collection<String> accountIds) {
            return readAhead(getEntityManager(), CustomerAccount.class, "from CustomerAccount a where " + KeyArrays.oneOf("a.accountId"),
                    accountIds).stream().collect(Collectors.toMap(a -> a.accountId, a -> a.customerId));
        }
    }

    @ApplicationScoped
    public static class Consents implements PanacheRepositoryBase<ChannelConsent, ChannelConsent.Key> {

        public List<ChannelConsent> of(String customerId) {
            return list("customerId = ?1 order by channel", customerId);
        }

        /** The standing consents of these customers as {@code customerId|CHANNEL}, without loading them. */
        Set<String> existingKeys(Collection<String> customerIds) {
            return Set.copyOf(KeyArrays.query(getEntityManager(), "select customer_id || '|' || channel from channel_consent where customer_id = any(:keys)",
                    ChannelConsent.class, customerIds).getResultList());
        }

        List<ChannelConsent> ofAll(Collection<String> customerIds) {
            return readAhead(getEntityManager(), ChannelConsent.class, "from ChannelConsent c where " + KeyArrays.oneOf("c.customerId"),
                    customerIds);
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
            return readAhead(getEntityManager(), ContactHold.class,
                    "from ContactHold h where " + KeyArrays.oneOf("h.accountId") + " and h.releasedAt is null", accountIds)
                    .stream().map(h -> h.accountId).collect(Collectors.toSet());
        }
    }
}
