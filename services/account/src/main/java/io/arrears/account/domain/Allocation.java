package io.arrears.account.domain;

import io.arrears.events.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pays obligations oldest first; what is left after all are settled is not carried forward. */
final class Allocation {

    private Allocation() {
    }

    public static List<Obligation> oldestFirst(List<Obligation> obligations, Money payment) {
        List<Obligation> ordered = new ArrayList<>(obligations);
        ordered.sort(Comparator.comparing(Obligation::dueDate).thenComparing(Obligation::id));
        Money left = payment;
        List<Obligation> result = new ArrayList<>(ordered.size());
        for (Obligation obligation : ordered) {
            Money share = left.min(obligation.outstanding());
            if (share.isPositive()) {
                obligation = obligation.pay(share);
                left = left.minus(share);
            }
            result.add(obligation);
        }
        return result;
    }
}
