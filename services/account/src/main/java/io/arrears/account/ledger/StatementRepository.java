package io.arrears.account.ledger;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, String> {

    /** Statements of these accounts whose minimum is not yet fully paid, oldest due date first. */
    public List<Statement> unpaidOf(Collection<String> accountIds) {
        return list("accountId in ?1 and minimumPaid < minimumDue", Sort.by("dueDate").and("id"), accountIds);
    }
}
