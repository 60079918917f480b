package io.arrears.local.capacity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReportTest {

    @Test
    void throughputIsComparedWithTheLatestSmallerRunMadeTheSameWay() {
        CapacityResult oldWarm = result(5_000, 1_000, 60, "2026-12-01T10:00:00Z");
        CapacityResult newWarm = result(5_000, 1_000, 80, "2026-12-02T10:00:00Z");
        CapacityResult cold = result(3_000, 0, 20, "2026-12-02T11:00:00Z");
        CapacityResult run = result(10_000, 1_000, 100, "2026-12-02T12:00:00Z");

        Map<String, Double> figures = CapacityReport.figures(run, List.of(oldWarm, cold, newWarm, run));

        assertThat(figures.get("throughput.vs.smallest.percent")).isEqualTo(125.0);
    }

    @Test
    void aRunWithNothingSmallerMadeTheSameWayHasNoRatio() {
        CapacityResult cold = result(5_000, 0, 50, "2026-12-02T10:00:00Z");
        CapacityResult run = result(10_000, 1_000, 100, "2026-12-02T12:00:00Z");

        assertThat(CapacityReport.figures(run, List.of(cold, run))).doesNotContainKey("throughput.vs.smallest.percent");
    }

    /** A run whose providers took {@code perSecond} reminders a second over a 100 s drain. */
    private static CapacityResult result(int accounts, int warmUp, int perSecond, String at) {
        CapacityResult.Stage stage = new CapacityResult.Stage(perSecond * 100L, perSecond, 0, 100_000);
        CapacityResult.Run run = new CapacityResult.Run(accounts, accounts, warmUp, stage, stage, stage, stage,
                new CapacityResult.Latency(perSecond * 100L, 1, 2, 3), 100, Map.of(), Map.of(), Map.of());
        return new CapacityResult(Instant.parse(at), run, null);
    }
}
