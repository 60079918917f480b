package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CollectionCase, String> {

    /** The account's current episode; a unique index allows at most one. */
    public Optional<CollectionCase> openFor(String accountId) {
        return find("accountId = ?1 and state <> ?2", accountId, CaseState.CLOSED).firstResultOptional();
    }
}
