package io.arrears.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agencies' month as the bank sees it: each agency's scorecard from the agency service, one row per
 * calendar month the demo month touches (a scorecard counts distinct accounts, so months do not add up),
 * and the rules' refusals as the agencies' own systems met them.
 */
final class AgencyReport {

    private static final String[] FIGURES = {"placed", "contacted", "conversations", "promises", "cured", "complaints", "refused"};

    private final Desk desk;
    private final Map<String, Integer> floor;
    private final int backBook;
    private final LocalDate first;
    private final LocalDate last;

    AgencyReport(Desk desk, Map<String, Integer> floor, int backBook, LocalDate first, LocalDate last) {
        this.desk = desk;
        this.floor = floor;
        this.backBook = backBook;
        this.first = first;
        this.last = last;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Agencies (%,d back-book accounts started the month 50-58 days past due)%n", backBook);
        Map<String, Map<String, BigDecimal>> byAgency = new LinkedHashMap<>();
        try {
            for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                for (JsonNode s : desk.request("agency", "supervisor", "GET", "/agencies/scorecards?month=" + m, null).body()) {
                    Map<String, BigDecimal> figures = byAgency.computeIfAbsent(s.path("name").asText() + " " + m, k -> new LinkedHashMap<>());
                    for (String f : FIGURES) {
                        figures.merge(f, s.path(f).decimalValue(), BigDecimal::add);
                    }
                    figures.merge("collected", s.path("collected").decimalValue(), BigDecimal::add);
                    figures.merge("commission", s.path("commission").decimalValue(), BigDecimal::add);
                }
            }
        } catch (Exception e) {
            out.println("  (the agency service did not answer: " + e.getMessage() + ")");
            return;
        }
        out.printf("  %-42s %7s %9s %7s %8s %6s %10s %8s %12s %11s%n", "", "placed", "contacted", "talked", "promises", "cured",
                "complaints", "refused", "collected", "commission");
        byAgency.forEach((name, f) -> out.printf("  %-42s %7d %9d %7d %8d %6d %10d %8d %12s %11s%n", name, f.get("placed").intValue(),
                f.get("contacted").intValue(), f.get("conversations").intValue(), f.get("promises").intValue(), f.get("cured").intValue(),
                f.get("complaints").intValue(), f.get("refused").intValue(), f.get("collected").setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " CNY",
                f.get("commission").setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " CNY"));
        out.println("  the agencies' own count: " + (floor.isEmpty() ? "nothing done" : floor.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))));
    }
}
