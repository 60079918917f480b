package io.arrears.console.supervisor;

import io.arrears.console.clients.Views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Counts by two keys as a table: rows by the first (bucket, channel), columns by the second (state, status), with totals. */
public record Crosstab(List<String> columns, List<Row> rows, List<Long> columnTotals, long total) {

    public record Row(String label, List<Long> cells, long total) {
    }

    static Crosstab of(List<Views.Tally> tallies) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        Map<String, Map<String, Long>> byRow = new LinkedHashMap<>();
        for (Views.Tally t : tallies) {
            columns.add(t.key());
            byRow.computeIfAbsent(t.group(), g -> new LinkedHashMap<>()).merge(t.key(), t.count(), Long::sum);
        }
        List<String> cols = new ArrayList<>(columns);
        List<Row> rows = new ArrayList<>();
        long[] colTotals = new long[cols.size()];
        long total = 0;
        for (Map.Entry<String, Map<String, Long>> row : byRow.entrySet()) {
            List<Long> cells = new ArrayList<>();
            long rowTotal = 0;
            for (int i = 0; i < cols.size(); i++) {
                long n = row.getValue().getOrDefault(cols.get(i), 0L);
                cells.add(n);
                colTotals[i] += n;
                rowTotal += n;
            }
            rows.add(new Row(row.getKey(), cells, rowTotal));
            total += rowTotal;
        }
        List<Long> totals = new ArrayList<>();
        for (long t : colTotals) {
            totals.add(t);
        }
        return new Crosstab(cols, rows, totals, total);
    }
}
