package io.arrears.local.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessMeterTest {

    /**
     * PostgreSQL is found by its postmaster.pid even where it runs under a metered process, and counted once: here the
     * "server" is a busy child of this test's JVM, whose pid file makes the JVM a metered process of its own.
     */
    @Test
    void postgresIsMeteredFromItsOwnPidFileAndCountedOnce(@TempDir Path home) throws Exception {
        Path run = Files.createDirectories(home.resolve("run"));
        Path data = Files.createDirectories(home.resolve("postgres"));
        Files.writeString(run.resolve("bench.pid"), Long.toString(ProcessHandle.current().pid()));
        Process server = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), server.pid() + "\n" + data + "\n");
            ProcessMeter meter = new ProcessMeter(run, data);

            await().atMost(Duration.ofSeconds(30)).until(() -> meter.sample().get("postgres").cpuSeconds() >= 0.3);
            Map<String, ProcessMeter.Usage> usage = meter.sample();
            double ownCpu = ownCpuWithReapedChildren();

            assertThat(usage).containsKeys("postgres", "bench");
            assertThat(usage.get("postgres").cpuSeconds()).isGreaterThanOrEqualTo(0.3);
            assertThat(usage.get("bench").cpuSeconds()).isLessThanOrEqualTo(ownCpu + 0.05);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    /** This JVM's CPU and that of the children it has waited for (earlier tests' tools), as /proc counts them. */
    private static double ownCpuWithReapedChildren() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    /** A process that died during the run (a simulator that could not take its port, say) is reported idle, not a crash. */
    @Test
    void theMachinesBusyShareIsOfTheCoreSecondsBetweenTwoReadings() {
        ProcessMeter.Machine before = new ProcessMeter.Machine(100, 400, 1);
        ProcessMeter.Machine after = new ProcessMeter.Machine(109, 410, 1.5);

        assertThat(after.busyPercentSince(before)).isEqualTo(90.0);
        assertThat(before.busyPercentSince(before)).as("no time between them").isZero();
    }

    @Test
    void aProcessThatHasEndedCountsNothing(@TempDir Path home) throws Exception {
        Path run = Files.createDirectories(home.resolve("run"));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(run.resolve("sinks.pid"), Long.toString(ended.pid()));

        Map<String, ProcessMeter.Usage> usage = new ProcessMeter(run, home.resolve("postgres")).sample();

        assertThat(usage.get("sinks").cpuSeconds()).isZero();
        assertThat(usage.get("sinks").jitSeconds()).isZero();
    }

    @Test
    void aStoppedServerIsLeftOut(@TempDir Path home) throws Exception {
        Path run = Files.createDirectories(home.resolve("run"));

        assertThat(new ProcessMeter(run, home.resolve("postgres")).sample()).doesNotContainKey("postgres");
    }
}
