package io.arrears.account.ledger;

import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /** The first {@code ?2} accounts due for review by {@code ?1}, from the next-review index. */
    private static final String DUE_IN_REVIEW_ORDER = "select id from account where next_review_date <= ?1 order by next_review_date, id limit ?2";

    /** Locks the account row first, so everything written for one account is ordered by that lock. */
    public Optional<Account> lockById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * These accounts' rows, locked in id order, the order every batch locks accounts in; ids with no row are
     * left out. A later {@link #lockById} of one of them finds it locked and asks nothing.
     */
    public List<Account> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return KeyArrays.lockedRows(getEntityManager(), "from Account a where " + KeyArrays.oneOf("a.id") + " order by a.id", Account.class, ids);
    }

    /**
     * Accounts the end-of-day run must review for {@code date}, their rows locked; found through the
     * next-review index, in its order. With {@code passOverLocked}, accounts another transaction holds (a
     * payment being applied) are left for a later chunk instead of waited for; without it, the few
     * left are waited for in id order, the order in which consumers lock the accounts of a batch. They are
     * found in the index's order all the same and only then sorted by id: asked for in id order, PostgreSQL
     * walked the whole book by its key looking for the few still due (a second or more on a million accounts).
     */
    @SuppressWarnings("unchecked")
    public List<Account> lockDueForReview(LocalDate date, int limit, boolean passOverLocked) {
        String sql = passOverLocked
                ? "select * from account where next_review_date <= ?1 order by next_review_date, id limit ?2 for update skip locked"
                : "select * from account where next_review_date <= ?1 and id = any(array(" + DUE_IN_REVIEW_ORDER + ")) order by id for update";
        return getEntityManager().createNativeQuery(sql, Account.class).setParameter(1, date).setParameter(2, limit).getResultList();
    }

    /** Ids of accounts due for review, read without loading them (one of them may be what cannot be loaded). */
    @SuppressWarnings("unchecked")
    public List<String> idsDueForReview(LocalDate date, int limit) {
        return getEntityManager().createNativeQuery("select id from (" + DUE_IN_REVIEW_ORDER + ") due order by id")
                .setParameter(1, date).setParameter(2, limit).getResultList();
    }


    @SuppressWarnings("unchecked")
    public List<Account> lockOneDueForReview(String id, LocalDate date) {
        return getEntityManager().createNativeQuery("select * from account where id = ?1 and next_review_date <= ?2 for update", Account.class)
                .setParameter(1, id).setParameter(2, date).getResultList();
    }

    /**
     * Puts an account the day's ageing cannot handle aside until the next business day, with the reason; in SQL, as it
     * may not load. False if it was no longer due that day: two workers that both failed on it park it once, as the
     * second waits for the first's lock on the account and then finds it moved on.
     */
    public boolean parkFromAgeing(String id, LocalDate date, String reason) {
        int moved = getEntityManager().createNativeQuery("update account set next_review_date = ?2 where id = ?1 and next_review_date <= ?3")
                .setParameter(1, id).setParameter(2, date.plusDays(1)).setParameter(3, date).executeUpdate();
        if (moved == 0) {
            return false;
        }
        getEntityManager().createNativeQuery("""
                        insert into ageing_parked (account_id, business_date, reason) values (?1, ?2, ?3)
                        on conflict (account_id, business_date) do update set reason = excluded.reason, parked_at = now()""")
                .setParameter(1, id).setParameter(2, date).setParameter(3, reason).executeUpdate();
        return true;
    }

    public long countDueForReview(LocalDate date) {
        return count("nextReviewDate <= ?1", date);
    }

    public PanacheQuery<Account> search(Account.Status status, String bucket) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (bucket != null) {
            query.append(" and bucket = :bucket");
            parameters.and("bucket", bucket);
        }
        return find(query.toString(), Sort.by("id"), parameters);
    }
}
