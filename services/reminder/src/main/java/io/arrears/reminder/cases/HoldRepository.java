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
        return count("accountId = ?1 and releasedAt is null", accountId) > 0;
    }
}
