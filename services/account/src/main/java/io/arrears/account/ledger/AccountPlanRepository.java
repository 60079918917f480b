package io.arrears.account.ledger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountPlanRepository implements PanacheRepositoryBase<AccountPlan, String> {

    public Optional<AccountPlan> active(String accountId) {
        return find("accountId = ?1 and status = ?2", accountId, AccountPlan.Status.ACTIVE).firstResultOptional();
    }

    /** The plans in force on any of these accounts. */
    public List<AccountPlan> activeOf(Collection<String> accountIds) {
        return list("accountId in ?1 and status = ?2", accountIds, AccountPlan.Status.ACTIVE);
    }

    /** The plan in force, or else the most recent one, for display. */
    public Optional<AccountPlan> current(String accountId) {
        return active(accountId).or(() -> find("accountId = ?1 order by agreedAt desc", accountId).firstResultOptional());
    }
}
