package io.arrears.contact.dispatch;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<GuardDecision, Long> {

    public List<GuardDecision> ofAccount(String accountId) {
        return list("accountId = ?1 order by decidedAt, id", accountId);
    }
}
