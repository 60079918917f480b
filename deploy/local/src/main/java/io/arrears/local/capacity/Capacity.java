package io.arrears.local.capacity;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.Topics;
import io.arrears.local.demo.ConsumerLag;
import io.arrears.local.demo.Feed;
import io.arrears.local.demo.Targets;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * A statement day at capacity: N cardholders loaded, a share of them falling due on one day, then that
 * day closed in one go. Every stage is timed from outside the system until each reminder has an outcome;
 * then the broker, the database and the providers are measured alone, and the report sets the two side by side.
 *
 * <p>The services share a clock that runs at wall speed from a Tuesday, 10:00 in Shanghai, so the day-1
 * reminders are due at once and inside contact hours: what is measured is the pipeline, not the law's windows.
 *
 * <p>A bank's services have run for days before a statement day; freshly started JVMs spend a third of their
 * CPU compiling code in the first minutes, and after a cycle of 5,000 cardholders still a fifth of a
 * 100,000-account burst's. So, unless {@code --warm-up 0}, an earlier cycle goes through first, as large as
 * a day's ordinary traffic (30,000 cardholders unless {@code --warm-up} says otherwise):
 * its own cardholders fall due two weeks earlier, miss, are reminded and pay in full, closing their cases.
 * Only then is the measured day closed; nothing of the warm-up is counted, and the report shows what the
 * compilers still used during the burst.
 */
public final class Capacity {

    /** Simulated now when the run starts: Tuesday 2031-03-04, 10:00 in Shanghai. */
    public static final Instant SIMULATED_START = Instant.parse("2031-03-04T02:00:00Z");
    /**
     * The statements fall due on Thursday 2031-02-27; with the account service's three days of grace they are
     * past due when Monday 2031-03-03 closes, and their day-1 reminders go out on Tuesday morning.
     */
    static final LocalDate DUE_DAY = LocalDate.of(2031, 2, 27);
    static final LocalDate LAST_CLOSED = LocalDate.of(2031, 3, 3);
    /** The warm-up's cycle: due on Thursday 2031-02-13, past due when Monday 2031-02-17 closes, ten days before the measured one. */
    static final LocalDate WARM_UP_DUE_DAY = DUE_DAY.minusDays(14);
    static final LocalDate WARM_UP_LAST_CLOSED = LAST_CLOSED.minusDays(14);
    private static final Duration LOAD_BOUND = Duration.ofMinutes(60);
    private static final Duration QUIET_FOR = Duration.ofSeconds(15);
    /** The steps of the burst in which the report gives the time to the provider. */
    private static final long STEP_MILLIS = 10_000;
    /** How many of PostgreSQL's busiest statements the report keeps. */
    private static final int BUSIEST_STATEMENTS = 15;

    private Capacity() {
    }

    public static void run() throws Exception {
        int accounts = Integer.getInteger("arrears.capacity.accounts", 10_000);
        double dueShare = Double.parseDouble(System.getProperty("arrears.capacity.due-share", "1.0"));
        int warmUpAccounts = Integer.getInteger("arrears.capacity.warm-up", 30_000);
        Duration bound = Duration.ofMinutes(Long.getLong("arrears.capacity.bound-minutes", 120));
        String bootstrap = "127.0.0.1:" + System.getProperty("arrears.kafka.port", "9092");
        String jdbc = "jdbc:postgresql://127.0.0.1:" + System.getProperty("arrears.postgres.port", "15432") + "/account";
        Path home = Path.of(System.getProperty("arrears.home"));
        Path results = Path.of(System.getProperty("arrears.capacity.results", "bench/results"));
        Instant anchor = Instant.parse(System.getProperty("arrears.clock.anchor"));
        long simulatedAhead = Duration.between(anchor, SIMULATED_START).toMillis();

        CapacityBook book = new CapacityBook(CapacityBook.Series.MEASURED, accounts, dueShare, DUE_DAY);
        CapacityBook warmUp = warmUpAccounts == 0 ? null : new CapacityBook(CapacityBook.Series.WARM_UP, warmUpAccounts, 1.0, WARM_UP_DUE_DAY);
        say(String.format("Capacity: %,d accounts, %,d of them falling due on %s and missing it together.", accounts, book.dueCount(), DUE_DAY));
        Clock simulated = Clock.offset(Clock.systemUTC(), Duration.ofMillis(simulatedAhead));
        ProcessMeter meter = new ProcessMeter(home.resolve("run"), home.resolve("postgres"));
        ServerConnection postgres = ServerConnection.of(jdbc, "postgres", "local");
        DatabaseMeter databases = new DatabaseMeter(postgres);
        StatementMeter statements = new StatementMeter(postgres);
        ServerMeter server = new ServerMeter(postgres);
        CapacityResult.Run run;
        try (Feed feed = new Feed(bootstrap, "/corebanking/capacity", simulated);
             ConsumerLag lag = new ConsumerLag(bootstrap)) {
            long loadStarted = System.nanoTime();
            Map<String, ProcessMeter.Usage> beforeLoad = meter.sample();
            load(feed, book);
            if (warmUp != null) {
                load(feed, warmUp);
            }
            long sent = System.nanoTime();
            awaitRead(lag, "arrears-account", Topics.STATEMENTS);
            long statementsRead = System.nanoTime();
            awaitRead(lag, "arrears-contact-channel", Topics.CUSTOMERS);
            long customersRead = System.nanoTime();
            say(String.format("loaded %,d cardholders and statements in %.0f s (sent in %.0f s; the account service had read the statements at %.0f s, contact-channel the cardholders at %.0f s)",
                    accounts + warmUpAccounts, (customersRead - loadStarted) / 1e9, (sent - loadStarted) / 1e9, (statementsRead - loadStarted) / 1e9,
                    (customersRead - loadStarted) / 1e9));
            say("   CPU while loading: " + cpuBetween(beforeLoad, meter.sample()));
            if (warmUp != null) {
                warmUp(feed, lag, warmUp, bootstrap, simulatedAhead, simulated, bound);
            }

            try (PipelineWatch watch = new PipelineWatch(bootstrap, simulatedAhead)) {
                Map<String, ProcessMeter.Usage> before = meter.sample();
                ProcessMeter.Machine machineBefore = ProcessMeter.machine();
                Map<String, DatabaseMeter.Work> dbBefore = databases.sample();
                boolean statementsCounted = statements.reset();
                ServerMeter.Work serverBefore = server.sample();
                long closedAt = System.currentTimeMillis();
                for (LocalDate day = DUE_DAY; !day.isAfter(LAST_CLOSED); day = day.plusDays(1)) {
                    feed.send(new BusinessDayClosed(day));
                }
                feed.flush();
                say("business days " + DUE_DAY + " to " + LAST_CLOSED + " closed in one go; the burst is on");
                // The machine's busy share since the line before: where the cores stand idle, a stage waits on another.
                say("   s   PaymentMissed  ReminderRequested  at provider  outcomes  machine busy");
                ProcessMeter.Machine lastLine = machineBefore;
                long lastChange = System.currentTimeMillis();
                long lastSeen = -1;
                Map<String, Long> peakRss = new java.util.HashMap<>();
                while (true) {
                    Thread.sleep(1000);
                    watch.rethrow();
                    meter.sample().forEach((name, u) -> peakRss.merge(name, u.rssBytes(), Math::max));
                    long seen = watch.missed.count + watch.requested.count + watch.sent.count;
                    long now = System.currentTimeMillis();
                    if (seen != lastSeen) {
                        lastSeen = seen;
                        lastChange = now;
                    }
                    if ((now - closedAt) / 1000 % 5 == 0) {
                        ProcessMeter.Machine line = ProcessMeter.machine();
                        say(String.format("%4d   %,13d  %,17d  %,11d  %,8d  %11.0f%%", (now - closedAt) / 1000, watch.missed.count,
                                watch.requested.count, watch.atProvider.count, watch.sent.count, line.busyPercentSince(lastLine)));
                        lastLine = line;
                    }
                    boolean allMissed = watch.missed.count >= book.dueCount();
                    boolean allOut = watch.requested.count > 0 && watch.sent.count >= watch.requested.count;
                    if (allMissed && allOut && now - lastChange >= QUIET_FOR.toMillis()) {
                        break;
                    }
                    if (now - closedAt > bound.toMillis()) {
                        say("stopped after " + bound.toMinutes() + " min without every reminder reaching an outcome");
                        break;
                    }
                }
                Map<String, ProcessMeter.Usage> after = meter.sample();
                CapacityResult.Machine machine = CapacityResult.Machine.between(machineBefore, ProcessMeter.machine());
                Map<String, DatabaseMeter.Work> dbWork = DatabaseMeter.between(dbBefore, databases.sample());
                List<StatementMeter.Busiest> busiest = statementsCounted ? statements.busiest(BUSIEST_STATEMENTS) : null;
                Map<String, StatementMeter.Totals> statementTotals = statementsCounted ? statements.totals() : null;
                ServerMeter.Work serverWork = ServerMeter.between(serverBefore, server.sample());
                run = CapacityResult.Run.of(accounts, book.dueCount(), warmUpAccounts, closedAt, watch,
                        latencies(watch, (missed, r) -> r.atProvider - missed),
                        latencies(watch, (missed, r) -> r.atProvider - closedAt),
                        latencies(watch, (missed, r) -> r.requestedAt - missed),
                        latencies(watch, (missed, r) -> r.atProvider - r.requestedAt),
                        before, after, peakRss, dbWork, machine, busiest, statementTotals, serverWork);
                byAnnouncement(watch, closedAt);
            }
        }
        say("measuring the machine's own ceilings (Kafka, PostgreSQL, the provider simulators)...");
        Ceilings.Figures ceilings = Ceilings.measure(bootstrap, jdbc, "postgres", "local", 700);
        CapacityResult result = new CapacityResult(Instant.now(), run, ceilings);
        CapacityReport.print(result, System.out);
        Path json = CapacityReport.write(result, results);
        List<CapacityResult> all = CapacityReport.readAll(results);
        Path chart = CapacityChart.draw(all, results.resolve("capacity.png"));
        String targetsFile = System.getProperty("arrears.capacity.targets");
        Targets targets = targetsFile == null ? null : Targets.load(Path.of(targetsFile));
        if (targets != null) {
            targets.report(System.out, CapacityReport.figures(result, all));
        }
        System.out.println();
        CapacityLimit.describe(result, Runtime.getRuntime().availableProcessors(),
                        targets == null ? OptionalDouble.empty() : targets.bound("reminders.per.s.min"),
                        targets == null ? OptionalDouble.empty() : targets.bound("missed.to.provider.p99.ms.max"))
                .forEach(System.out::println);
        say("wrote " + json + " and " + chart);
    }

    /** The chart again from the results kept, without a run: after results were added or removed by hand. */
    public static void chart() throws IOException {
        Path results = Path.of(System.getProperty("arrears.capacity.results", "bench/results"));
        say("drew " + chart(results) + " from the results in " + results);
    }

    static Path chart(Path results) throws IOException {
        return CapacityChart.draw(CapacityReport.readAll(results), results.resolve("capacity.png"));
    }

    private static void load(Feed feed, CapacityBook book) {
        for (int n = 1; n <= book.accounts(); n++) {
            feed.send(book.customer(n));
        }
        feed.flush();
        for (int n = 1; n <= book.accounts(); n++) {
            feed.send(book.statement(n));
        }
        feed.flush();
    }

    /** The warm-up's cycle, from its due day to every case closed by payment; nothing of it is measured. */
    private static void warmUp(Feed feed, ConsumerLag lag, CapacityBook book, String bootstrap, long simulatedAhead, Clock simulated,
                               Duration bound) throws Exception {
        long started = System.nanoTime();
        try (PipelineWatch watch = new PipelineWatch(bootstrap, simulatedAhead)) {
            for (LocalDate day = WARM_UP_DUE_DAY; !day.isAfter(WARM_UP_LAST_CLOSED); day = day.plusDays(1)) {
                feed.send(new BusinessDayClosed(day));
            }
            feed.flush();
            say(String.format("warm-up: %,d cardholders of another cycle miss %s, are reminded and pay...", book.accounts(), WARM_UP_DUE_DAY));
            awaitQuiet(watch, bound, () -> watch.missed.count >= book.dueCount()
                    && watch.requested.count > 0 && watch.sent.count >= watch.requested.count);
            OffsetDateTime now = OffsetDateTime.now(simulated);
            for (int n = 1; n <= book.accounts(); n++) {
                feed.send(book.payment(n, now));
            }
            feed.flush();
            awaitQuiet(watch, bound, () -> watch.cured.count >= book.accounts());
            awaitRead(lag, "arrears-reminder", Topics.PAYMENT_RECEIVED);
            say(String.format("warm-up: %,d reminders sent and %,d cases paid in %.0f s", watch.sent.count, watch.cured.count,
                    (System.nanoTime() - started) / 1e9));
        }
    }

    /** Waits until {@code done} holds and the watch has seen nothing new for a while. */
    private static void awaitQuiet(PipelineWatch watch, Duration bound, java.util.function.BooleanSupplier done) throws InterruptedException {
        long start = System.currentTimeMillis();
        long lastChange = start;
        long lastSeen = -1;
        while (true) {
            Thread.sleep(1000);
            watch.rethrow();
            long seen = watch.missed.count + watch.requested.count + watch.sent.count + watch.cured.count;
            long now = System.currentTimeMillis();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastChange = now;
            }
            if (done.getAsBoolean() && now - lastChange >= QUIET_FOR.toMillis()) {
                return;
            }
            if (now - start > bound.toMillis()) {
                throw new IllegalStateException("the warm-up had not settled after " + bound.toMinutes() + " min");
            }
        }
    }

    /** A stretch of a reminder's way, in millis, given when its account's PaymentMissed reached its topic. */
    private interface Leg {
        long millis(long missedAt, PipelineWatch.Reminder reminder);
    }

    /**
     * A stretch of the way of each reminder of the arrears that a provider took: from PaymentMissed on its topic
     * to the provider, or from the business day's close, or the reminder service's share (to ReminderRequested
     * on its topic) and contact-channel's (from there to the provider).
     */
    private static Histogram latencies(PipelineWatch watch, Leg leg) {
        Histogram h = new Histogram(3_600_000L, 3);
        for (PipelineWatch.Reminder r : watch.reminders.values()) {
            Long missed = watch.missedAt.get(r.accountId);
            // Only what the arrears caused: a pre-due reminder requested before its account missed is not timed from it.
            if (missed != null && r.requestedAt >= missed && r.atProvider >= 0 && Set.of("SENT", "DELIVERED").contains(r.status)) {
                h.recordValue(Math.max(0, Math.min(3_600_000L, leg.millis(missed, r))));
            }
        }
        return h;
    }

    /**
     * The time from PaymentMissed to the provider in steps of the burst, by when the arrears were announced: a p99 made
     * at the start of the phase (the pre-due reminders still ahead) reads differently from one spread through it.
     */
    private static void byAnnouncement(PipelineWatch watch, long closedAt) {
        TreeMap<Long, Histogram> steps = new TreeMap<>();
        for (PipelineWatch.Reminder r : watch.reminders.values()) {
            Long missed = watch.missedAt.get(r.accountId);
            if (missed != null && r.requestedAt >= missed && r.atProvider >= 0 && Set.of("SENT", "DELIVERED").contains(r.status)) {
                steps.computeIfAbsent((missed - closedAt) / STEP_MILLIS, k -> new Histogram(3_600_000L, 3))
                        .recordValue(Math.max(0, Math.min(3_600_000L, r.atProvider - missed)));
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        say("PaymentMissed -> provider by when the arrears were announced (s after the close: p50 / p99 / max ms, reminders)");
        steps.forEach((step, h) -> say(String.format("  %4d-%-4d %,7d / %,7d / %,7d  %,7d", step * STEP_MILLIS / 1000,
                (step + 1) * STEP_MILLIS / 1000, h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount())));
    }

    private static void awaitRead(ConsumerLag lag, String group, String topic) throws Exception {
        if (!lag.awaitCaughtUp(group, topic, LOAD_BOUND)) {
            throw new IllegalStateException(group + " had not read all of " + topic + " after " + LOAD_BOUND.toMinutes() + " min");
        }
    }

    /** Each process's CPU seconds between two samples, busiest first. */
    private static String cpuBetween(Map<String, ProcessMeter.Usage> before, Map<String, ProcessMeter.Usage> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().cpuSeconds() - (before.containsKey(e.getKey()) ? before.get(e.getKey()).cpuSeconds() : 0)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f s", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static void say(String line) {
        System.out.println(line);
    }
}
