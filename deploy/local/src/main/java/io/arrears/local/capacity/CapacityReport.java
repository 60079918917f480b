package io.arrears.local.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The console table and the JSON file of a capacity run. */
final class CapacityReport {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Tables that took fewer rows per reminder than this are left out of the console table (the JSON keeps them). */
    private static final double SMALLEST_TABLE_SHARE = 0.05;

    private CapacityReport() {
    }

    static void print(CapacityResult result, PrintStream out) {
        CapacityResult.Run run = result.run();
        Ceilings.Figures c = result.ceilings();
        out.println();
        out.printf("Capacity at %,d accounts (%,d falling due together), %s%n", run.accounts(), run.dueAccounts(),
                run.warmUpAccounts() == 0 ? "services cold" : String.format("after a warm-up cycle of %,d", run.warmUpAccounts()));
        out.println("stage                      count   sustained/s   first s   last s");
        row(out, "PaymentMissed", run.paymentMissed());
        row(out, "ReminderRequested", run.reminderRequested());
        row(out, "at the provider", run.atProvider());
        row(out, "ReminderSent", run.reminderSent());
        out.printf("end to end: %.0f reminders/s at the providers over a %.0f s drain%n", run.endToEndPerSecond(), run.drainSeconds());
        out.printf("PaymentMissed -> provider: p50 %,d ms, p99 %,d ms, max %,d ms (%,d reminders)%n", run.missedToProvider().p50Millis(),
                run.missedToProvider().p99Millis(), run.missedToProvider().maxMillis(), run.missedToProvider().count());
        if (run.closedToProvider() != null) {
            out.printf("business day closed -> provider, the same reminders: p50 %,d ms, p99 %,d ms%n", run.closedToProvider().p50Millis(),
                    run.closedToProvider().p99Millis());
        }
        if (run.missedToRequested() != null) {
            out.printf("  of which PaymentMissed -> ReminderRequested (the reminder service): p50 %,d ms, p99 %,d ms;"
                            + " ReminderRequested -> provider (contact-channel): p50 %,d ms, p99 %,d ms%n",
                    run.missedToRequested().p50Millis(), run.missedToRequested().p99Millis(),
                    run.requestedToProvider().p50Millis(), run.requestedToProvider().p99Millis());
        }
        out.println("outcomes: " + run.outcomes());
        if (run.receiptLag() != null) {
            out.printf("texts' receipts: %,d told with their send, p50 %,d ms, p99 %,d ms, max %,d ms after it; %,d texts told SENT alone%n",
                    run.receiptLag().count(), run.receiptLag().p50Millis(), run.receiptLag().p99Millis(), run.receiptLag().maxMillis(),
                    run.textsSentAlone() == null ? 0 : run.textsSentAlone());
        }
        double perReminderCpuMs = run.atProvider().count() == 0 ? 0 : run.cpuSeconds() * 1000 / run.atProvider().count();
        out.printf("CPU: %.0f s in all during the burst, %.2f ms per reminder; the JIT compilers used %.0f s of it%n", run.cpuSeconds(),
                perReminderCpuMs, run.jitCpuSeconds());
        run.processes().forEach((name, p) -> out.printf("  %-16s CPU %7.1f s (JIT %5.1f s, VM and GC %4.1f s)   peak RSS %,6d MB%n", name,
                p.cpuSeconds(), p.jitCpuSeconds(), p.vmCpuSeconds(), p.peakRssBytes() >> 20));
        if (run.machine() != null && run.machine().coreSeconds() > 0) {
            CapacityResult.Machine m = run.machine();
            out.printf("the machine: %.0f of %.0f core-seconds busy (%.0f%%); the processes above %.0f s, this benchmark's own (it reads every"
                    + " topic) %.0f s, anything else %.0f s%n", m.busyCoreSeconds(), m.coreSeconds(), 100 * m.busyCoreSeconds() / m.coreSeconds(),
                    run.cpuSeconds(), m.benchCpuSeconds(), Math.max(0, m.busyCoreSeconds() - run.cpuSeconds() - m.benchCpuSeconds()));
        }
        if (run.databases() != null && run.atProvider().count() > 0) {
            double reminders = run.atProvider().count();
            out.println("database work per reminder (pg_stat_database and pg_stat_statements, during the burst):");
            run.databases().forEach((db, w) -> {
                StatementMeter.Totals st = run.statementTotals() == null ? null : run.statementTotals().get(db);
                out.printf("  %-10s %6.2f commits  %6.2f rows written%s%n", db, w.commits() / reminders, w.rowsWritten() / reminders,
                        st == null ? "" : String.format("  %6.2f statements (%.3f ms executing them)", st.calls() / reminders, st.totalMillis() / reminders));
                if (w.tables() != null) {
                    w.tables().entrySet().stream()
                            .filter(t -> t.getValue().written() / reminders >= SMALLEST_TABLE_SHARE)
                            .sorted(Comparator.comparingLong((Map.Entry<String, DatabaseMeter.TableWork> t) -> t.getValue().written()).reversed())
                            .forEach(t -> {
                                DatabaseMeter.TableWork tw = t.getValue();
                                out.printf("      %-24s %5.2f inserted %5.2f updated (%5.2f HOT) %5.2f deleted%n", t.getKey(),
                                        tw.inserted() / reminders, tw.updated() / reminders, tw.hotUpdated() / reminders, tw.deleted() / reminders);
                            });
                }
            });
        }
        if (run.server() != null && run.atProvider().count() > 0) {
            double reminders = run.atProvider().count();
            ServerMeter.Work w = run.server();
            out.printf("  the server: %.1f KB of WAL per reminder (%.2f whole pages logged again after a checkpoint), %.2f pages written out"
                            + " and %.2f read in by the services' own connections for want of room in its buffers; %d checkpoints, the WAL"
                            + " buffers full %d times%n", w.walBytes() / 1024.0 / reminders, w.fullPageImages() / reminders,
                    w.backendWrites() / reminders, w.backendReads() / reminders, w.checkpoints(), w.walBuffersFull());
        }
        if (run.statements() != null && run.atProvider().count() > 0) {
            double reminders = run.atProvider().count();
            out.println("PostgreSQL's busiest statements in the burst (pg_stat_statements; per reminder, time executing them, lock waits included):");
            run.statements().forEach(st -> out.printf("  %-10s %5.2f calls %6.3f ms  %s%n", st.database(), st.calls() / reminders,
                    st.totalMillis() / reminders, st.query()));
        }
        out.println("the machine alone (same broker, database and provider code):");
        out.printf("  Kafka, %d-byte records, acks=all: produce %,.0f/s, consume %,.0f/s  -> the pipeline moves %.1f%% of it%n",
                c.recordBytes(), c.kafkaProducePerSecond(), c.kafkaConsumePerSecond(), 100 * kafkaShare(run, c));
        out.printf("  PostgreSQL: %,.0f durable commits/s, %,.0f batched rows/s  -> reminders are %.1f%% of the commit rate%n",
                c.pgCommitsPerSecond(), c.pgBatchedRowsPerSecond(), 100 * commitShare(run, c));
        out.printf("  providers: SMS centre %,.0f submits/s, mail server %,.0f messages/s  -> at most %.1f%% of the slower is used%n",
                c.smppSubmitsPerSecond(), c.smtpMessagesPerSecond(), 100 * providerShare(run, c));
    }

    /** The share of the broker's produce or consume ceiling, whichever is lower, that the pipeline's records took. */
    static double kafkaShare(CapacityResult.Run run, Ceilings.Figures c) {
        return kafkaRecordsPerSecond(run) / Math.min(c.kafkaProducePerSecond(), c.kafkaConsumePerSecond());
    }

    /** Reminders per second as a share of PostgreSQL's durable commits per second. */
    static double commitShare(CapacityResult.Run run, Ceilings.Figures c) {
        return run.endToEndPerSecond() / c.pgCommitsPerSecond();
    }

    /** Reminders per second as a share of the slower provider simulator's own ceiling. */
    static double providerShare(CapacityResult.Run run, Ceilings.Figures c) {
        return run.endToEndPerSecond() / Math.min(c.smppSubmitsPerSecond(), c.smtpMessagesPerSecond());
    }

    /**
     * Records the pipeline puts through the broker per second: each reminder is a PaymentMissed share, a
     * ReminderRequested and at least one ReminderSent written and read by at least one consumer.
     */
    private static double kafkaRecordsPerSecond(CapacityResult.Run run) {
        if (run.drainSeconds() <= 0) {
            return 0;
        }
        return (run.paymentMissed().count() + run.reminderRequested().count() + run.reminderSent().count()) / run.drainSeconds();
    }

    /** The book the target's "cost per event stays flat" is measured from: a larger day is compared with it. */
    static final int REFERENCE_ACCOUNTS = 10_000;

    /**
     * The figures {@code bench/targets.properties} names, from this run and, for a book larger than the reference,
     * the latest reference-sized run kept beside it that was made the same way: after a warm-up of the same size, as
     * the compilers' share of the burst moves with it (a third cold, a fifth after 5,000 cardholders, a twelfth after
     * 30,000). A smaller book is not a stand-in: a 5,000-account day from another week said nothing of this one.
     */
    static Map<String, Double> figures(CapacityResult result, List<CapacityResult> all) {
        CapacityResult.Run run = result.run();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("reminders.per.s", run.endToEndPerSecond());
        figures.put("missed.to.provider.p99.ms", (double) run.missedToProvider().p99Millis());
        if (run.accounts() > REFERENCE_ACCOUNTS) {
            all.stream().filter(r -> r.run().accounts() == REFERENCE_ACCOUNTS && r.run().warmUpAccounts() == run.warmUpAccounts())
                    .max(Comparator.comparing(CapacityResult::at))
                    .filter(reference -> reference.run().endToEndPerSecond() > 0)
                    .ifPresent(reference -> figures.put("throughput.vs.10k.percent",
                            100 * run.endToEndPerSecond() / reference.run().endToEndPerSecond()));
        }
        return figures;
    }

    private static void row(PrintStream out, String name, CapacityResult.Stage s) {
        out.printf("%-20s %,11d   %,11.0f   %7.1f  %7.1f%n", name, s.count(), s.sustainedPerSecond(), s.firstMillis() / 1000.0,
                s.lastMillis() / 1000.0);
    }

    static Path write(CapacityResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("capacity-" + result.run().accounts() + "-" + FILE_TIME.format(result.at()) + ".json");
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    /** Every run kept under {@code dir}, smallest book first: the chart's points. */
    static List<CapacityResult> readAll(Path dir) throws IOException {
        List<CapacityResult> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("capacity-\\d+-.*\\.json")).sorted().toList()) {
                all.add(JSON.readValue(f.toFile(), CapacityResult.class));
            }
        }
        all.sort(Comparator.comparingInt((CapacityResult r) -> r.run().accounts()).thenComparing(CapacityResult::at));
        return all;
    }
}
