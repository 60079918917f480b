package io.arrears.account.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Delinquency buckets by days past due, defined by the day each bucket starts: starts 1, 30, 60
 * give "1-29", "30-59", "60+". Zero days past due is {@link #CURRENT}.
 */
public final class Buckets {

    public static final String CURRENT = "CURRENT";

    private final List<Integer> starts;
    private final List<String> labels;

    public Buckets(List<Integer> starts) {
        if (starts.isEmpty() || starts.get(0) != 1) {
            throw new IllegalArgumentException("the first bucket must start at day 1, got " + starts);
        }
        for (int i = 1; i < starts.size(); i++) {
            if (starts.get(i) <= starts.get(i - 1)) {
                throw new IllegalArgumentException("bucket starts must increase, got " + starts);
            }
        }
        this.starts = List.copyOf(starts);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            names.add(i + 1 < starts.size() ? starts.get(i) + "-" + (starts.get(i + 1) - 1) : starts.get(i) + "+");
        }
        this.labels = List.copyOf(names);
    }

    public static Buckets standard() {
        return new Buckets(List.of(1, 30, 60, 90, 120, 180));
    }

    public String labelFor(int daysPastDue) {
        return daysPastDue <= 0 ? CURRENT : labels.get(indexFor(daysPastDue));
    }

    /** 0 for current, then 1, 2, ... for each bucket in order; comparing ranks says which is worse. */
    public int rank(String label) {
        if (CURRENT.equals(label)) {
            return 0;
        }
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown bucket " + label);
        }
        return index + 1;
    }

    /** The days-past-due count at which the next, worse bucket starts, if there is one. */
    public OptionalInt nextStartAfter(int daysPastDue) {
        for (int start : starts) {
            if (start > daysPastDue) {
                return OptionalInt.of(start);
            }
        }
        return OptionalInt.empty();
    }

    public List<String> labels() {
        return labels;
    }

    public boolean isKnown(String label) {
        return CURRENT.equals(label) || labels.contains(label);
    }

    private int indexFor(int daysPastDue) {
        int index = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (daysPastDue >= starts.get(i)) {
                index = i;
            }
        }
        return index;
    }
}
