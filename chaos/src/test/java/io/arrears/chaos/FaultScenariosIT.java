package io.arrears.chaos;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite. Each scenario drives a burst (every account of a statement cycle misses its minimum
 * on one day, some pay, some complain, some agree a plan), breaks one thing in the middle of it, repairs
 * it, waits for the system to drain, and then counts, per reminder, what reached the providers.
 *
 * <p>{@code ./mvnw verify} runs the quick scenarios at a small load; {@code chaos/run} runs all of them
 * at a larger one and writes the table to {@code chaos/RESULTS.md}.
 */
class FaultScenariosIT {

    private static final Duration DRAIN_BOUND = Duration.ofMinutes(8);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final List<Ledger.Row> RESULTS = new ArrayList<>();
    private static ChaosSystem system;
    private static int cycle;

    /** One thing to break, and how to repair it. */
    record Fault(String name, String broken, boolean quick, Breaker breaker) {
    }

    interface Breaker {
        /** Breaks the system mid-burst and returns how to repair it. */
        Runnable breakIt(ChaosSystem system);
    }

    /** The faults that cut a send off from its answer: the sender dies mid-send, or the provider does not answer. */
    private static final Set<String> LEAVE_SENDS_OF_UNKNOWN_FATE = Set.of("kill-contact-channel", "smsc-stalls", "smtp-drops-after-data");

    static List<Fault> faults() {
        List<Fault> faults = new ArrayList<>();
        for (String service : ChaosSystem.SERVICES) {
            faults.add(new Fault("kill-" + service, "kill -9 of " + service + " mid-burst, then a restart", service.equals("contact-channel"),
                    s -> {
                        ChaosSystem.Replica victim = s.replicas(service).get(0);
                        s.kill(victim);
                        return () -> s.restart(victim);
                    }));
        }
        faults.add(new Fault("stop-reminder-and-contact-channel", "SIGTERM to reminder and contact-channel together mid-burst, as a "
                + "deploy or a drained node sends it (each must be gone within its manifest's grace period), then a restart", true, s -> {
            List<ChaosSystem.Replica> victims = List.of(s.replicas("reminder").get(0), s.replicas("contact-channel").get(0));
            s.stopWithinGrace(victims);
            return () -> victims.forEach(s::restart);
        }));
        faults.add(new Fault("kill-broker", "kill -9 of the Kafka broker mid-burst, then a restart", true, s -> {
            s.killBroker();
            return s::startBroker;
        }));
        faults.add(new Fault("kill-postgres", "kill -9 of PostgreSQL (every backend) mid-burst, then a restart", true, s -> {
            s.killPostgres();
            return s::restartPostgres;
        }));
        faults.add(new Fault("smsc-stalls", "for 5 s the SMS centre takes each submit but answers after 3 s, past the 2 s SMPP timeout", false, s -> {
            s.smsc.stallAnswers(Duration.ofSeconds(3));
            return () -> s.smsc.stallAnswers(Duration.ZERO);
        }));
        faults.add(new Fault("smtp-drops-after-data", "for 5 s the mail relay takes each message and then drops the connection "
                + "instead of answering 250", false, s -> {
            s.smtp.arm(true);
            return () -> s.smtp.arm(false);
        }));
        faults.add(new Fault("receipts-lost", "for 5 s the SMS centre sends no delivery receipts, and never sends them later", false, s -> {
            s.smsc.autoReceipts(false);
            return () -> s.smsc.autoReceipts(true);
        }));
        faults.add(new Fault("bad-records", "records that cannot be stored as they are (key of 300 characters, NUL and non-UTF-8 "
                + "headers) among the payments", false, s -> {
            s.publishUnstorableRecords();
            return () -> { };
        }));
        faults.add(new Fault("replicas", "two replicas of every service; a third of reminder and contact-channel joins and leaves mid-burst",
                false, s -> {
                    List<ChaosSystem.Replica> third = List.of(s.startReplica("reminder"), s.startReplica("contact-channel"));
                    return () -> third.forEach(s::scaleDown);
                }));
        return faults;
    }

    @BeforeAll
    static void start() {
        system = new ChaosSystem();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            String table = table();
            System.out.println(table);
            String results = System.getProperty("chaos.results", "");
            if (!results.isBlank()) {
                Files.writeString(Path.of(results), table, StandardCharsets.UTF_8);
            }
        } finally {
            if (system != null) {
                system.close();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioLosesNothingAndDoublesNothing() {
        String chosen = System.getProperty("chaos.scenarios", "quick");
        java.util.Set<String> named = java.util.Set.of(chosen.split(","));
        int accounts = Integer.getInteger("chaos.accounts", 150);
        return faults().stream().filter(f -> chosen.equals("all") || (chosen.equals("quick") ? f.quick() : named.contains(f.name())))
                .map(fault -> DynamicTest.dynamicTest(fault.name(), () -> run(fault, accounts)));
    }

    private static void run(Fault fault, int accounts) throws Exception {
        boolean replicas = fault.name().equals("replicas");
        List<ChaosSystem.Replica> seconds = new ArrayList<>();
        if (replicas) {
            ChaosSystem.SERVICES.forEach(s -> seconds.add(system.startReplica(s)));
            system.awaitReady();
        }
        String tag = "S" + (++cycle) + fault.name().toUpperCase().replace("-", "");
        LocalDate issued = LocalDate.of(2031, 1, 6).plusDays(400L * cycle);
        Instant started = Instant.now();
        try (Burst burst = new Burst(system, tag, accounts, issued)) {
            Ledger ledger = new Ledger(system, burst);
            burst.publishBook();
            await().atMost(Duration.ofMinutes(3)).until(() -> statementsApplied(tag) == accounts);
            burst.closeDaysToFirstDayPastDue();
            await().atMost(Duration.ofMinutes(3)).until(() -> messagesTo(burst) >= accounts / 3);

            List<Burst.Holder> holders = burst.holders;
            burst.pay(IntStream.range(0, holders.size()).filter(i -> i % 10 == 0).mapToObj(holders::get).toList());
            IntStream.range(0, holders.size()).filter(i -> i % 10 == 1).forEach(i -> burst.complain(holders.get(i)));
            List<Burst.Holder> planners = IntStream.range(0, holders.size()).filter(i -> i % 20 == 2).mapToObj(holders::get).toList();
            for (Burst.Holder h : planners) {
                await().atMost(Duration.ofMinutes(2)).until(() -> burst.agreePlan(h));
            }

            Runnable repair = fault.breaker().breakIt(system);
            Thread.sleep(OUTAGE.toMillis()); // the outage itself: the rest of the system works on without the broken part
            repair.run();
            system.awaitReady();

            try {
                await().atMost(DRAIN_BOUND).pollInterval(Duration.ofSeconds(2)).until(ledger::drained);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the system did not drain within " + DRAIN_BOUND + "; behind: " + ledger.lagging()
                        + "\n" + system.logs(), e);
            }
            Ledger.Row row = ledger.count(fault.name(), fault.broken() + " (" + Duration.between(started, Instant.now()).toSeconds() + " s)");
            RESULTS.add(row);
            // Pay everything, so the accounts of this scenario do not age on with the next scenario's business days.
            burst.pay(holders);

            if (fault.name().equals("bad-records")) {
                assertThat(ledger.deadLettered("corebanking.payments.v1", system.unstorable))
                        .as("records that could not be stored as they came, dead-lettered with their reason")
                        .containsExactlyInAnyOrderElementsOf(system.unstorable);
            }
            if (!LEAVE_SENDS_OF_UNKNOWN_FATE.contains(fault.name())) {
                // Only a crash of the sender, or a provider that takes a message without answering, may leave a send
                // whose fate nobody knows. A stop waits for the sends under way; a database or broker that goes away
                // holds up the answers' record, never the answers.
                assertThat(row.unknown()).as("sends left UNKNOWN in " + fault.name()).isZero();
            }
            assertThat(row.violations()).as(fault.name()).isEmpty();
            assertThat(row.duplicated()).as("messages duplicated in " + fault.name()).isZero();
            assertThat(row.lost()).as("messages lost in " + fault.name()).isZero();
            assertThat(row.delivered()).as("messages delivered in " + fault.name()).isPositive();
        } finally {
            seconds.forEach(system::scaleDown);
        }
    }

    private static int statementsApplied(String tag) throws Exception {
        try (var db = system.database("account");
             var q = db.prepareStatement("select count(*) from statement where account_id like ?")) {
            q.setString(1, tag + "-%");
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long messagesTo(Burst burst) {
        var phones = burst.holders.stream().map(Burst.Holder::phoneDigits).collect(java.util.stream.Collectors.toSet());
        return system.smsc.submitted().stream().filter(s -> phones.contains(s.destination())).count();
    }

    static String table() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | load | what was broken | expected | delivered | duplicated | lost | UNKNOWN | held | result |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Ledger.Row r : RESULTS) {
            out.append("| ").append(String.join(" | ", Arrays.asList(r.scenario(), r.load(), r.broken(),
                    Integer.toString(r.expected()), Integer.toString(r.delivered()), Integer.toString(r.duplicated()),
                    Integer.toString(r.lost()), Integer.toString(r.unknown()), Integer.toString(r.held()),
                    r.passed() ? "pass" : "FAIL: " + String.join("; ", r.violations().stream().limit(3).toList()))))
                    .append(" |\n");
        }
        return out.toString();
    }
}
