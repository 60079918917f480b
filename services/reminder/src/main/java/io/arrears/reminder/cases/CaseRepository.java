package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CollectionCase, String> {

    /**
     * Whether the account has an open case, or the statement went past due: some case of the account,
     * open or closed, was opened for it. One query for what a pre-due reminder must check before it goes.
     */
    public boolean openOrForStatement(String accountId, String statementId) {
        return !getEntityManager().createQuery("select 1 from CollectionCase c where c.accountId = :account "
                        + "and (c.state <> :closed or c.statementId = :statement)", Integer.class)
                .setParameter("account", accountId).setParameter("closed", CaseState.CLOSED).setParameter("statement", statementId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Reads the case again from the database: after its account's lock is taken, what another holder wrote is seen. */
    public void reread(CollectionCase c) {
        getEntityManager().refresh(c);
    }

    /** Brings these cases into the session in one query, so that finding each of them later reads nothing. */
    public void loadAll(List<String> ids) {
        if (!ids.isEmpty()) {
            list("id in ?1", ids);
        }
    }

    /** The account's current episode; a unique index allows at most one. */
    public Optional<CollectionCase> openFor(String accountId) {
        return find("accountId = ?1 and state <> ?2", accountId, CaseState.CLOSED).firstResultOptional();
    }
}
