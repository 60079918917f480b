package io.arrears.rules;

import java.time.Duration;

/** At most {@code max} attempts on one channel for one account in any {@code per}. */
public record FrequencyCap(int max, Duration per) {

    public FrequencyCap {
        if (max < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a cap needs max >= 1 and a positive period, not " + max + " per " + per);
        }
    }
}
