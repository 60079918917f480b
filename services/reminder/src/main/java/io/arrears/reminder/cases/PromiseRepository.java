package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PromiseRepository implements PanacheRepositoryBase<PromiseToPay, String> {

    public Optional<PromiseToPay> openFor(String caseId) {
        return find("caseId = ?1 and status = ?2", caseId, PromiseToPay.Status.OPEN).firstResultOptional();
    }

    public List<PromiseToPay> ofCase(String caseId) {
        return list("caseId = ?1 order by madeAt", caseId);
    }
}
