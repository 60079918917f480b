package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<RepaymentPlan, String> {

    public List<RepaymentPlan> ofCase(String caseId) {
        return list("caseId = ?1 order by agreedAt", caseId);
    }
}
