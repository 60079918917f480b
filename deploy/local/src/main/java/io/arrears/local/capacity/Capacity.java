package io.arrears.local.capacity;

import io.arrears.events.BusinessDayClosed;
import io.arrears.events.Topics;
import io.arrears.local.demo.ConsumerLag;
import io.arrears.local.demo.Feed;
import io.arrears.local.demo.Targets;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement day at capacity: N cardholders loaded, a share of them falling due on one day, then that
 * day closed in one go. Every stage is timed from outside the system until each reminder has an outcome;
 * then the broker, the database and the providers are measured alone, and the report sets the two side by side.
 *
 * <p>The services share a clock that runs at wall speed from a Tuesday, 10:00 in Shanghai, so the day-1
 * reminders are due at once and inside contact hours: what is measured is the pipeline, not the law's windows.
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
    private static final Duration LOAD_BOUND = Duration.ofMinutes(60);
    private static final Duration QUIET_FOR = Duration.ofSeconds(15);

    private Capacity() {
    }

    public static void run() throws Exception {
        int accounts = Integer.getInteger("arrears.capacity.accounts", 10_000);
        double dueShare = Double.parseDouble(System.getProperty("arrears.capacity.due-share", "1.0"));
        Duration bound = Duration.ofMinutes(Long.getLong("arrears.capacity.bound-minutes", 120));
        String bootstrap = "127.0.0.1:" + System.getProperty("arrears.kafka.port", "9092");
        String jdbc = "jdbc:postgresql://127.0.0.1:" + System.getProperty("arrears.postgres.port", "15432") + "/account";
        Path home = Path.of(System.getProperty("arrears.home"));
        Path results = Path.of(System.getProperty("arrears.capacity.results", "bench/results"));
        Instant anchor = Instant.parse(System.getProperty("arrears.clock.anchor"));
        long simulatedAhead = Duration.between(anchor, SIMULATED_START).toMillis();

        CapacityBook book = new CapacityBook(accounts, dueShare, DUE_DAY);
        say(String.format("Capacity: %,d accounts, %,d of them falling due on %s and missing it together.", accounts, book.dueCount(), DUE_DAY));
        Clock simulated = Clock.offset(Clock.systemUTC(), Duration.ofMillis(simulatedAhead));
        ProcessMeter meter = new ProcessMeter(home.resolve("run"));
        DatabaseMeter databases = new DatabaseMeter(jdbc.replace("/account", "/postgres"), "postgres", "local");
        CapacityResult.Run run;
        try (Feed feed = new Feed(bootstrap, "/corebanking/capacity", simulated);
             ConsumerLag lag = new ConsumerLag(bootstrap)) {
            long loadStarted = System.nanoTime();
            for (int n = 1; n <= accounts; n++) {
                feed.send(book.customer(n));
            }
            feed.flush();
            for (int n = 1; n <= accounts; n++) {
                feed.send(book.statement(n));
            }
            feed.flush();
            awaitRead(lag, "arrears-contact-channel", Topics.CUSTOMERS);
            awaitRead(lag, "arrears-account", Topics.STATEMENTS);
            say(String.format("loaded %,d cardholders and statements in %.0f s", accounts, (System.nanoTime() - loadStarted) / 1e9));

            try (PipelineWatch watch = new PipelineWatch(bootstrap, simulatedAhead)) {
                Map<String, ProcessMeter.Usage> before = meter.sample();
                Map<String, DatabaseMeter.Work> dbBefore = databases.sample();
                long closedAt = System.currentTimeMillis();
                for (LocalDate day = DUE_DAY; !day.isAfter(LAST_CLOSED); day = day.plusDays(1)) {
                    feed.send(new BusinessDayClosed(day));
                }
                feed.flush();
                say("business days " + DUE_DAY + " to " + LAST_CLOSED + " closed in one go; the burst is on");
                say("   s   PaymentMissed  ReminderRequested  at provider  outcomes");
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
                        say(String.format("%4d   %,13d  %,17d  %,11d  %,8d", (now - closedAt) / 1000, watch.missed.count,
                                watch.requested.count, watch.atProvider.count, watch.sent.count));
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
                Map<String, DatabaseMeter.Work> dbWork = DatabaseMeter.between(dbBefore, databases.sample());
                run = CapacityResult.Run.of(accounts, book.dueCount(), closedAt, watch, latencies(watch), before, after, peakRss, dbWork);
            }
        }
        say("measuring the machine's own ceilings (Kafka, PostgreSQL, the provider simulators)...");
        Ceilings.Figures ceilings = Ceilings.measure(bootstrap, jdbc, "postgres", "local", 700);
        CapacityResult result = new CapacityResult(Instant.now(), run, ceilings);
        CapacityReport.print(result, System.out);
        Path json = CapacityReport.write(result, results);
        List<CapacityResult> all = CapacityReport.readAll(results);
        Path chart = CapacityChart.draw(all, results.resolve("capacity.png"));
        String targets = System.getProperty("arrears.capacity.targets");
        if (targets != null) {
            Targets.load(Path.of(targets)).report(System.out, CapacityReport.figures(result, all));
        }
        say("wrote " + json + " and " + chart);
    }

    /** PaymentMissed on its topic to the provider taking the reminder, for each reminder a provider took. */
    private static Histogram latencies(PipelineWatch watch) {
        Histogram h = new Histogram(3_600_000L, 3);
        for (PipelineWatch.Reminder r : watch.reminders.values()) {
            Long missed = watch.missedAt.get(r.accountId);
            // Only what the arrears caused: a pre-due reminder requested before its account missed is not timed from it.
            if (missed != null && r.requestedAt >= missed && r.atProvider >= 0 && Set.of("SENT", "DELIVERED").contains(r.status)) {
                h.recordValue(Math.max(0, Math.min(3_600_000L, r.atProvider - missed)));
            }
        }
        return h;
    }

    private static void awaitRead(ConsumerLag lag, String group, String topic) throws Exception {
        if (!lag.awaitCaughtUp(group, topic, LOAD_BOUND)) {
            throw new IllegalStateException(group + " had not read all of " + topic + " after " + LOAD_BOUND.toMinutes() + " min");
        }
    }

    static void say(String line) {
        System.out.println(line);
    }
}
