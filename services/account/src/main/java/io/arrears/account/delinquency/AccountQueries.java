package io.arrears.account.delinquency;

import io.arrears.account.calendar.ClosedBusinessDays;
import io.arrears.account.domain.Ageing;
import io.arrears.account.ledger.Account;
import io.arrears.account.ledger.AccountRepository;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.account.ledger.AccountPlanRepository;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read side for the REST API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountQueries {

    private final AccountRepository accounts;
    private final AccountPlanRepository plans;
    private final ClosedBusinessDays calendar;
    private final Ageing ageing;

    AccountQueries(AccountRepository accounts, AccountPlanRepository plans, ClosedBusinessDays calendar, Ageing ageing) {
        this.accounts = accounts;
        this.plans = plans;
        this.calendar = calendar;
        this.ageing = ageing;
    }

    public record Found(Account account, Optional<AccountPlan> plan, int daysPastDue) {
    }

    public Optional<Found> find(String id) {
        Optional<LocalDate> today = calendar.lastClosed();
        return accounts.findByIdOptional(id).map(a -> new Found(a, plans.current(a.id), daysPastDue(a, today)));
    }

    public record Listing(List<Found> accounts, long total) {
    }

    public Listing list(Account.Status status, String bucket, int page, int size) {
        Optional<LocalDate> today = calendar.lastClosed();
        var query = accounts.search(status, bucket);
        List<Found> found = query.page(Page.of(page, size)).list().stream()
                .map(a -> new Found(a, Optional.empty(), daysPastDue(a, today))).toList();
        return new Listing(found, query.count());
    }

    public boolean isKnownBucket(String bucket) {
        return ageing.policy().buckets().isKnown(bucket);
    }

    public List<String> buckets() {
        return ageing.policy().buckets().labels();
    }

    /** Counted to the last closed day, so the figure does not wait for the account's next review. */
    private int daysPastDue(Account account, Optional<LocalDate> today) {
        if (account.pastDueSince == null || account.status == Account.Status.CURRENT) {
            return 0;
        }
        LocalDate asOf = today.filter(t -> account.asOf == null || !t.isBefore(account.asOf)).orElse(account.asOf);
        return (int) (asOf.toEpochDay() - account.pastDueSince.toEpochDay()) + 1;
    }
}
