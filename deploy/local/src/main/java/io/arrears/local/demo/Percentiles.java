package io.arrears.local.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of wall-clock latencies in milliseconds. */
record Percentiles(int samples, long p50, long p95, long p99, long max) {

    static Percentiles of(List<Long> millis) {
        if (millis.isEmpty()) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
