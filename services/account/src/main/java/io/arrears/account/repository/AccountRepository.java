package io.arrears.account.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /** Locks the account row first, so everything written for one account is ordered by that lock. */
    public Optional<Account> lockById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Accounts the end-of-day run must review for {@code date}; uses the partial next-review index. */
    public List<Account> lockDueForReview(LocalDate date, int limit) {
        return find("nextReviewDate <= ?1", Sort.by("nextReviewDate").and("id"), date)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(Page.ofSize(limit))
                .list();
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
