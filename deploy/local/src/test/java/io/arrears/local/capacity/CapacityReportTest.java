package io.arrears.local.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void throughputIsComparedWithTheLatestTenThousandAccountRunMadeTheSameWay() {
        CapacityResult oldWarm = result(10_000, 1_000, 60, "2026-12-01T10:00:00Z");
        CapacityResult newWarm = result(10_000, 1_000, 80, "2026-12-02T10:00:00Z");
        CapacityResult cold = result(10_000, 0, 20, "2026-12-02T11:00:00Z");
        CapacityResult smallerAndLater = result(5_000, 1_000, 40, "2026-12-02T11:30:00Z");
        CapacityResult run = result(100_000, 1_000, 100, "2026-12-02T12:00:00Z");

        Map<String, Double> figures = CapacityReport.figures(run, List.of(oldWarm, cold, smallerAndLater, newWarm, run));

        assertThat(figures.get("throughput.vs.10k.percent")).isEqualTo(125.0);
    }

    @Test
    void aRunWithNoTenThousandAccountDayMadeTheSameWayHasNoRatio() {
        CapacityResult cold = result(10_000, 0, 50, "2026-12-02T10:00:00Z");
        CapacityResult smaller = result(5_000, 1_000, 50, "2026-12-02T11:00:00Z");
        CapacityResult run = result(100_000, 1_000, 100, "2026-12-02T12:00:00Z");

        assertThat(CapacityReport.figures(run, List.of(cold, smaller, run))).doesNotContainKey("throughput.vs.10k.percent");
    }

    @Test
    void theReferenceSizeItselfHasNoRatio() {
        CapacityResult earlier = result(10_000, 1_000, 50, "2026-12-02T10:00:00Z");
        CapacityResult run = result(10_000, 1_000, 100, "2026-12-02T12:00:00Z");

        assertThat(CapacityReport.figures(run, List.of(earlier, run))).doesNotContainKey("throughput.vs.10k.percent");
    }

    @Test
    void theChartIsDrawnAgainFromTheResultsKeptIncludingThoseFromBeforeTheMachineWasMetered(@TempDir Path results) throws Exception {
        CapacityReport.write(result(10_000, 1_000, 100, "2026-12-02T12:00:00Z"), results);
        Path older = CapacityReport.write(result(100_000, 1_000, 90, "2026-12-02T13:00:00Z"), results);
        ObjectNode json = (ObjectNode) MAPPER.readTree(older.toFile());
        ((ObjectNode) json.get("run")).remove("machine");
        MAPPER.writeValue(older.toFile(), json);

        BufferedImage chart = ImageIO.read(Capacity.chart(results).toFile());

        assertThat(chart.getWidth()).isEqualTo(1000);
        // Both sizes are points on the throughput panel (the left half), in its line's colour.
        long throughputPixels = pixels(chart, 0, 500, 0x1f77b4);
        assertThat(throughputPixels).isGreaterThan(2 * 60);
        assertThat(CapacityReport.readAll(results)).extracting(r -> r.run().machine() == null).containsExactly(false, true);
    }

    @Test
    void theMachineMeterCountsThisProcessWithinTheBusyCores() throws Exception {
        ProcessMeter.Machine before = ProcessMeter.machine();
        ProcessMeter.Machine after = before;
        long spin = 0;
        while (after.benchSeconds() - before.benchSeconds() < 0.3) {
            for (int i = 0; i < 1_000_000; i++) {
                spin += i ^ spin;
            }
            after = ProcessMeter.machine();
        }

        assertThat(spin).isNotZero();
        // Both are counted in ticks of 10 ms and read one after the other, so they may differ by a tick or two.
        assertThat(after.busySeconds() - before.busySeconds()).isGreaterThanOrEqualTo(after.benchSeconds() - before.benchSeconds() - 0.035);
        assertThat(after.totalSeconds() - before.totalSeconds()).isGreaterThanOrEqualTo(after.busySeconds() - before.busySeconds());
    }

    private static long pixels(BufferedImage image, int fromX, int toX, int rgb) {
        long n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /** A run whose providers took {@code perSecond} reminders a second over a 100 s drain. */
    private static CapacityResult result(int accounts, int warmUp, int perSecond, String at) {
        CapacityResult.Stage stage = new CapacityResult.Stage(perSecond * 100L, perSecond, 0, 100_000);
        CapacityResult.Run run = new CapacityResult.Run(accounts, accounts, warmUp, stage, stage, stage, stage,
                new CapacityResult.Latency(perSecond * 100L, 1, 2, 3), 100, Map.of(), Map.of(), Map.of(),
                new CapacityResult.Machine(150, 200, 10), List.of(), Map.of(), null, null, null, null, null, null);
        return new CapacityResult(Instant.parse(at), run, null);
    }
}
