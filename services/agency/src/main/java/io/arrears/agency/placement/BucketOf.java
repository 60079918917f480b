package io.arrears.agency.placement;

import java.util.List;

/** The bucket label ("60-89", "180+") that a number of days past due falls in. */
final class BucketOf {

    private BucketOf() {
    }

    static String days(int daysPastDue, List<String> labels) {
        String found = labels.get(0);
        for (String label : labels) {
            int start = Integer.parseInt(label.split("[-+]")[0]);
            if (daysPastDue >= start) {
                found = label;
            }
        }
        return found;
    }
}
