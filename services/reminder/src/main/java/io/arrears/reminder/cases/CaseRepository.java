package io.arrears.reminder.cases;

import io.arrears.messaging.Absences;
import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CollectionCase, String> {

    private static final String OPEN_CASE = "open case";
    private static final String CASE_FOR_STATEMENT = "open case or case for the statement";

    private final Absences absences;

    CaseRepository(Absences absences) {
        this.absences = absences;
    }

    /**
     * Whether the account has an open case, or the statement went past due: some case of the account,
     * open or closed, was opened for it. One query for what a pre-due reminder must check before it goes.
     */
    public boolean openOrForStatement(String accountId, String statementId) {
        if (absences.known(CASE_FOR_STATEMENT, accountId)) {
            return false;
        }
        return !getEntityManager().createQuery("select 1 from CollectionCase c where c.accountId = :account "
                        + "and (c.state <> :closed or c.statementId = :statement)", Integer.class)
                .setParameter("account", accountId).setParameter("closed", CaseState.CLOSED).setParameter("statement", statementId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Which of these accounts have an open case, or some case opened for one of these statements, in one
     * query: an account not named here has neither, so none of its pre-due reminders is overtaken.
     */
    public Set<String> openOrForStatements(Collection<String> accountIds, Collection<String> statementIds) {
        return new HashSet<>(KeyArrays.query(getEntityManager(), "select account_id from collection_case where account_id = any(:keys) "
                        + "and (state <> :closed or statement_id = any(:statements))", CollectionCase.class, accountIds)
                .setParameter("closed", CaseState.CLOSED.name()).setParameter("statements", KeyArrays.array(statementIds)).getResultList());
    }

    /**
     * Finds in one query which of these locked accounts have neither an open case nor a case for one of these
     * statements, so that {@link #openOrForStatement} answers for them without asking.
     */
    public void noteAccountsWithoutCaseFor(Collection<String> accountIds, Collection<String> statementIds) {
        Set<String> found = openOrForStatements(accountIds, statementIds);
        absences.note(CASE_FOR_STATEMENT, accountIds.stream().filter(id -> !found.contains(id)).toList());
    }

    /** Reads the case again from the database: after its account's lock is taken, what another holder wrote is seen. */
    public void reread(CollectionCase c) {
        getEntityManager().refresh(c);
    }

    /** Brings these cases into the session in one query, so that finding each of them later reads nothing. */
    public void loadAll(List<String> ids) {
        if (!ids.isEmpty()) {
            KeyArrays.rows(getEntityManager(), "from CollectionCase c where " + KeyArrays.oneOf("c.id"), CollectionCase.class, ids);
        }
    }

    /** The account's current episode; a unique index allows at most one. */
    public Optional<CollectionCase> openFor(String accountId) {
        if (absences.known(OPEN_CASE, accountId)) {
            return Optional.empty();
        }
        return find("accountId = ?1 and state <> ?2", accountId, CaseState.CLOSED).firstResultOptional();
    }

    /** Finds in one query which of these locked accounts have no open case, so that {@link #openFor} answers for them without asking. */
    public void noteAccountsWithoutOpenCase(Collection<String> accountIds) {
        Set<String> open = new HashSet<>(KeyArrays.query(getEntityManager(),
                        "select account_id from collection_case where account_id = any(:keys) and state <> :closed", CollectionCase.class,
                        accountIds).setParameter("closed", CaseState.CLOSED.name()).getResultList());
        absences.note(OPEN_CASE, accountIds.stream().filter(id -> !open.contains(id)).toList());
    }

    /** A case just opened: from now on {@link #openFor} asks the database for its account again. */
    public void add(CollectionCase c) {
        absences.created(OPEN_CASE, c.accountId());
        absences.created(CASE_FOR_STATEMENT, c.accountId());
        persist(c);
    }
}
