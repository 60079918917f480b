package io.arrears.local.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFiguresTest {

    @Test
    void percentilesAreNearestRank() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(p).isEqualTo(new Percentiles(200, 100, 190, 198, 200));
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
        assertThat(Percentiles.of(List.of()).samples()).isZero();
    }

    @Test
    void targetsSayWhichFiguresWereMetAndWhichMissed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("targets.properties"), """
                dispatch.p95.ms.max=1000
                throughput.events.per.s.min=50
                payment.p95.ms.max=300
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Targets.load(file).report(new PrintStream(printed, true, StandardCharsets.UTF_8),
                Map.of("dispatch.p95.ms", 1200.0, "throughput.events.per.s", 80.0));
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).containsPattern("dispatch\\.p95\\.ms\\s+1,200\\s+<= 1,000\\s+MISSED")
                .containsPattern("throughput\\.events\\.per\\.s\\s+80\\s+>= 50\\s+met")
                .containsPattern("payment\\.p95\\.ms\\s+-\\s+<= 300\\s+not measured");
    }
}
