package io.arrears.reminder.cases;

import io.arrears.messaging.Absences;
import io.arrears.messaging.KeyArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<ContactHold, String> {

    private static final String HOLD = "hold";

    private final Absences absences;

    HoldRepository(Absences absences) {
        this.absences = absences;
    }

    public List<ContactHold> active(String accountId) {
        return list("accountId = ?1 and releasedAt is null", accountId);
    }

    public boolean isHeld(String accountId) {
        if (absences.known(HOLD, accountId)) {
            return false;
        }
        // Not Panache's count(): it builds its count query afresh on every call, and this one runs for every event.
        return !getEntityManager().createQuery("select 1 from ContactHold h where h.accountId = :account and h.releasedAt is null",
                Integer.class).setParameter("account", accountId).setMaxResults(1).getResultList().isEmpty();
    }

    /** A hold just placed: from now on {@link #isHeld} asks the database for its account again. */
    public void add(ContactHold hold) {
        absences.created(HOLD, hold.accountId);
        persist(hold);
    }

    /**
     * Finds in one query which of these locked accounts no complaint holds, so that {@link #isHeld} answers for
     * them without asking. Holds are placed by another consumer under the same account locks, never by the
     * transaction that asks, so what is noted stays true until it commits.
     */
    public void noteAccountsNotHeld(Collection<String> accountIds) {
        Set<String> held = new HashSet<>(KeyArrays.query(getEntityManager(),
                "select account_id from contact_hold where account_id = any(:keys) and released_at is null", ContactHold.class,
                accountIds).getResultList());
        absences.note(HOLD, accountIds.stream().filter(id -> !held.contains(id)).toList());
    }
}
