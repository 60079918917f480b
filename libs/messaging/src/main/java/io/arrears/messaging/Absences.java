package io.arrears.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a transaction learned is not there, from one query for many keys, so that asking about each key
 * later costs no round trip. A consumer applying events one at a time reads, before the first, which of
 * its accounts have no open case, no hold, no kept payment; most have none on a statement day.
 *
 * <p>Only absences are kept, never rows: a row read early could go stale as the transaction changes it,
 * while an absence stays true until the transaction itself creates the thing, which it says with
 * {@link #created}. Rows of other transactions cannot appear meanwhile because the keys are noted under the
 * account locks the transaction holds, and every writer of these rows takes the same locks.
 */
@ApplicationScoped
public class Absences {

    private final TransactionSynchronizationRegistry transaction;

    Absences(TransactionSynchronizationRegistry transaction) {
        this.transaction = transaction;
    }

    /** Notes that no row of this kind exists for any of these keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(String kind, Collection<String> keys) {
        known().computeIfAbsent(kind, k -> new HashSet<>()).addAll(keys);
    }

    /** Whether the transaction knows that no row of this kind exists for the key; false when it does not know. */
    public boolean known(String kind, String key) {
        if (transaction.getTransactionKey() == null) {
            return false;
        }
        Set<String> keys = known().get(kind);
        return keys != null && keys.contains(key);
    }

    /** The transaction creates a row of this kind for the key: from now on the database is asked again. */
    public void created(String kind, String key) {
        if (transaction.getTransactionKey() != null) {
            Set<String> keys = known().get(kind);
            if (keys != null) {
                keys.remove(key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> known() {
        Map<String, Set<String>> known = (Map<String, Set<String>>) transaction.getResource(Absences.class);
        if (known == null) {
            known = new HashMap<>();
            transaction.putResource(Absences.class, known);
        }
        return known;
    }
}
