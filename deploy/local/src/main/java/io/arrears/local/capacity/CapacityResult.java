package io.arrears.local.capacity;

import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One capacity run's figures, as the report prints them and the JSON keeps them. */
record CapacityResult(Instant at, Run run, Ceilings.Figures ceilings) {

    record Stage(long count, double sustainedPerSecond, long firstMillis, long lastMillis) {
    }

    record Latency(long count, long p50Millis, long p99Millis, long maxMillis) {
    }

    /** {@code jitCpuSeconds} and {@code vmCpuSeconds}: the part of {@code cpuSeconds} the compilers, and the VM and collector threads, used. */
    record Process(double cpuSeconds, double jitCpuSeconds, double vmCpuSeconds, long peakRssBytes) {
    }

    /**
     * The whole machine during the burst: core-seconds busy and in all, and of the busy ones, those of the
     * benchmark's own process (which the processes above leave out). Absent from runs made before it was kept.
     */
    record Machine(double busyCoreSeconds, double coreSeconds, double benchCpuSeconds) {

        static Machine between(ProcessMeter.Machine before, ProcessMeter.Machine after) {
            return new Machine(after.busySeconds() - before.busySeconds(), after.totalSeconds() - before.totalSeconds(),
                    after.benchSeconds() - before.benchSeconds());
        }
    }

    /**
     * {@code warmUpAccounts}: the cardholders of the unmeasured cycle that went through first (0: cold JVMs, or a run from before warm-ups).
     * {@code statementTotals}: every statement of each database in the burst (absent from runs made before 2026-12-03 evening).
     * {@code server}: the PostgreSQL server's WAL, buffer and checkpoint work in the burst (absent from runs made before 2026-12-04 evening).
     * {@code receiptLag}: from a text's send to its receipt's record, for the receipts that told the send with them;
     * {@code textsSentAlone}: texts told SENT alone, their receipt later than contact-channel waited (both absent before 2026-12-05).
     * {@code closedToProvider}: the reminders of {@code missedToProvider}, timed from the business day's close (absent before
     * 2026-12-05 afternoon): what the arrears wait for, wherever in the pipeline their queue is kept.
     * {@code missedToRequested} and {@code requestedToProvider}: the same reminders' way in two, the reminder service's
     * share (PaymentMissed to ReminderRequested, both on their topics) and contact-channel's (absent before 2026-12-05 evening).
     */
    record Run(int accounts, int dueAccounts, int warmUpAccounts, Stage paymentMissed, Stage reminderRequested, Stage atProvider, Stage reminderSent,
               Latency missedToProvider, double drainSeconds, Map<String, Long> outcomes, Map<String, Process> processes,
               Map<String, DatabaseMeter.Work> databases, Machine machine, List<StatementMeter.Busiest> statements,
               Map<String, StatementMeter.Totals> statementTotals, ServerMeter.Work server, Latency receiptLag, Long textsSentAlone,
               Latency closedToProvider, Latency missedToRequested, Latency requestedToProvider) {

        static Run of(int accounts, int due, int warmUpAccounts, long closedAt, PipelineWatch watch, Histogram latency, Histogram fromClose,
                      Histogram toRequested, Histogram requestedToProvider,
                      Map<String, ProcessMeter.Usage> before, Map<String, ProcessMeter.Usage> after, Map<String, Long> peakRss,
                      Map<String, DatabaseMeter.Work> databases, Machine machine, List<StatementMeter.Busiest> statements,
                      Map<String, StatementMeter.Totals> statementTotals, ServerMeter.Work server) {
            Map<String, Process> processes = new LinkedHashMap<>();
            after.forEach((name, u) -> {
                ProcessMeter.Usage b = before.get(name);
                processes.put(name, new Process(u.cpuSeconds() - (b == null ? 0 : b.cpuSeconds()), u.jitSeconds() - (b == null ? 0 : b.jitSeconds()),
                        u.vmSeconds() - (b == null ? 0 : b.vmSeconds()), peakRss.getOrDefault(name, u.rssBytes())));
            });
            long end = Math.max(watch.sent.last, watch.atProvider.last);
            return new Run(accounts, due, warmUpAccounts, stage(watch.missed, closedAt), stage(watch.requested, closedAt), stage(watch.atProvider, closedAt),
                    stage(watch.sent, closedAt), new Latency(latency.getTotalCount(), latency.getValueAtPercentile(50),
                    latency.getValueAtPercentile(99), latency.getMaxValue()),
                    end == Long.MIN_VALUE ? 0 : (end - closedAt) / 1000.0, watch.statuses(), processes, databases, machine, statements,
                    statementTotals, server, receiptLag(watch), watch.textsSentAlone, latency(fromClose), latency(toRequested),
                    latency(requestedToProvider));
        }

        private static Latency latency(Histogram h) {
            return new Latency(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
        }

        private static Latency receiptLag(PipelineWatch watch) {
            synchronized (watch.receiptLag) {
                Histogram h = watch.receiptLag;
                return new Latency(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
            }
        }

        private static Stage stage(PipelineWatch.Stage s, long closedAt) {
            return new Stage(s.count, s.sustainedPerSecond(), s.count == 0 ? 0 : s.first - closedAt, s.count == 0 ? 0 : s.last - closedAt);
        }

        /** Reminders that reached a provider per second of the whole drain, from the day's close to the last one. */
        double endToEndPerSecond() {
            return drainSeconds <= 0 ? 0 : atProvider.count() / drainSeconds;
        }

        double cpuSeconds() {
            return processes.values().stream().mapToDouble(Process::cpuSeconds).sum();
        }

        double jitCpuSeconds() {
            return processes.values().stream().mapToDouble(Process::jitCpuSeconds).sum();
        }
    }
}
