package io.arrears.console.supervisor;

import io.arrears.console.clients.Views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Counts drawn as horizontal bars: each bar's length is its share of the largest, so the page needs no
 * charting script and reads the same in a screenshot, a printout or a screen reader (the number is text).
 */
public record Bars(List<Bar> bars) {

    public record Bar(String label, String value, double percent, String tone) {
    }

    static Bars byKey(List<Views.Tally> tallies) {
        return of(tallies.stream().map(t -> new Labelled(t.key(), t.count())).toList());
    }

    static Bars byGroupAndKey(List<Views.Tally> tallies) {
        return of(tallies.stream().map(t -> new Labelled(t.group() + " · " + t.key(), t.count())).toList());
    }

    /** Rates (0..1) as bars against a full scale of 100%; a missing rate is drawn as nothing and said as a dash. */
    /** Rates (0..1) per arm and segment; each bar takes its arm's colour. */
    static Bars ofRates(List<String> labels, List<Double> rates) {
        ArrayList<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Double rate = rates.get(i);
            bars.add(new Bar(labels.get(i), rate == null ? "—" : String.format("%.1f%%", rate * 100), rate == null ? 0 : rate * 100,
                    tone(labels.get(i))));
        }
        return new Bars(bars);
    }

    static Bars ofAmounts(List<String> labels, List<BigDecimal> amounts, String currency) {
        double max = amounts.stream().filter(Objects::nonNull).mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        ArrayList<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            BigDecimal amount = amounts.get(i);
            bars.add(new Bar(labels.get(i), amount == null ? "—" : amount.toPlainString() + " " + currency,
                    amount == null || max == 0 ? 0 : amount.doubleValue() * 100 / max, tone(labels.get(i))));
        }
        return new Bars(bars);
    }

    private record Labelled(String label, long count) {
    }

    private static Bars of(List<Labelled> counts) {
        long max = counts.stream().mapToLong(Labelled::count).max().orElse(0);
        return new Bars(counts.stream().map(c -> new Bar(c.label(), Long.toString(c.count()), max == 0 ? 0 : c.count() * 100.0 / max, "count"))
                .toList());
    }

    /** A strategy label starts with its arm ("challenger · standard"); the arm names the colour. */
    private static String tone(String label) {
        return label.startsWith("challenger") ? "challenger" : label.startsWith("champion") ? "champion" : "count";
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
