package io.arrears.reminder.cases;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<ContactHold, String> {

    public List<ContactHold> active(String accountId) {
        return list("accountId = ?1 and releasedAt is null", accountId);
    }

    public boolean isHeld(String accountId) {
        // Not Panache's count(): it builds its count query afresh on every call, and this one runs for every event.
        return !getEntityManager().createQuery("select 1 from ContactHold h where h.accountId = :account and h.releasedAt is null",
                Integer.class).setParameter("account", accountId).setMaxResults(1).getResultList().isEmpty();
    }
}
