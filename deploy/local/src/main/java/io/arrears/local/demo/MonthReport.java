package io.arrears.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The month's summary as a collections manager would read it, with the system's latencies and throughput. */
final class MonthReport {

    private static final List<String> CHANNELS = List.of("SMS", "EMAIL", "VOICE", "LETTER");
    private static final List<String> STATUSES = List.of("DELIVERED", "SENT", "UNKNOWN", "FAILED", "SUPPRESSED", "AWAITING");

    private final Observer.Tally t;
    private final Desk desk;
    private final Map<String, Integer> deskCounts;
    private final DemoSettings settings;
    private final Duration took;

    MonthReport(Observer.Tally tally, Desk desk, Map<String, Integer> deskCounts, DemoSettings settings, Duration took) {
        this.t = tally;
        this.desk = desk;
        this.deskCounts = deskCounts;
        this.settings = settings;
        this.took = took;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("The month in numbers: %,d accounts, %d days, seed %d, played in %dm %02ds%n", settings.accounts(), settings.days(),
                settings.seed(), took.toMinutes(), took.toSecondsPart());
        out.println();
        out.println("Accounts");
        row(out, "statements issued", settings.accounts());
        row(out, "reminded before the due date", t.count("PAYMENT_DUE_SOON"));
        row(out, "missed a minimum payment", t.count("payments missed"));
        row(out, "paid up after missing (cured)", t.count("cured"));
        long inArrears = t.delinquentByBucket().values().stream().mapToLong(Long::longValue).sum();
        out.printf("  %-44s %,9d   by bucket: %s%n", "in arrears at month end", inArrears, t.delinquentByBucket().entrySet().stream()
                .map(e -> e.getKey() + " days " + String.format("%,d", e.getValue())).collect(Collectors.joining(", ")));
        out.println();

        out.printf("Reminders  %10s", "requested");
        STATUSES.forEach(s -> out.printf(" %10s", s.toLowerCase()));
        out.println();
        int[] totals = new int[STATUSES.size() + 1];
        for (String channel : CHANNELS) {
            Map<String, Integer> byStatus = t.reminders().getOrDefault(channel, Map.of());
            int requested = byStatus.values().stream().mapToInt(Integer::intValue).sum();
            totals[0] += requested;
            out.printf("  %-8s %,10d", channel, requested);
            for (int i = 0; i < STATUSES.size(); i++) {
                int n = byStatus.getOrDefault(STATUSES.get(i), 0);
                totals[i + 1] += n;
                out.printf(" %,10d", n);
            }
            out.println();
        }
        out.printf("  %-8s %,10d", "total", totals[0]);
        for (int i = 1; i < totals.length; i++) {
            out.printf(" %,10d", totals[i]);
        }
        out.println();
        out.println("  suppressed by rule: " + (t.suppressedBy().isEmpty() ? "none" : t.suppressedBy().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "))));
        out.println("  deferred to the cardholder's contact window: " + metric("contact-channel", "arrears_contact_decisions_total", "decision", "DEFER"));
        out.println();

        out.println("Agents and plans");
        row(out, "cases queued for an agent call", metric("reminder", "arrears_reminder_steps_fired_total", "channel", "AGENT_CALL"));
        row(out, "calls: reached / not answered", deskCounts.getOrDefault("calls reached", 0) + " / " + deskCounts.getOrDefault("calls not answered", 0));
        row(out, "promises to pay: made / kept / broken", metric("reminder", "arrears_reminder_promises_total", "outcome", "made") + " / "
                + metric("reminder", "arrears_reminder_promises_total", "outcome", "kept") + " / "
                + metric("reminder", "arrears_reminder_promises_total", "outcome", "broken"));
        row(out, "plans: agreed / completed / broken", t.count("PLAN_AGREED") + " / " + t.count("PLAN_COMPLETED") + " / " + t.count("PLAN_BROKEN"));
        row(out, "instalments missed", t.count("instalments missed"));
        row(out, "escalated to an agency / legal review", t.count("escalated to agency") + " / " + t.count("escalated to legal review"));
        if (deskCounts.containsKey("desk requests refused") || deskCounts.containsKey("desk errors")) {
            row(out, "desk requests refused / errors", deskCounts.getOrDefault("desk requests refused", 0) + " / " + deskCounts.getOrDefault("desk errors", 0));
        }
        out.println();

        out.println("Complaints");
        row(out, "received (holding contact / not)", (t.count("complaints holding contact") + t.count("complaints not holding contact"))
                + " (" + t.count("complaints holding contact") + " / " + t.count("complaints not holding contact") + ")");
        row(out, "resolved: within SLA / after it", metric("complaint", "arrears_complaint_resolved_total", "sla", "met") + " / "
                + metric("complaint", "arrears_complaint_resolved_total", "sla", "breached"));
        row(out, "SLA breaches (acknowledge / resolve)", metric("complaint", "arrears_complaint_sla_breaches_total", "clock", "acknowledge") + " / "
                + metric("complaint", "arrears_complaint_sla_breaches_total", "clock", "resolve"));
        out.println();

        out.println("Bad input");
        row(out, "feed records dead-lettered with their reason", t.count("dead-lettered"));
        out.println();

        out.println("Letters");
        LetterPreview.show(settings.home().resolve("print-drop"), settings.home(), out);
        out.println();

        out.printf("Latency (wall clock, ms) %28s %7s %7s %7s %7s%n", "samples", "p50", "p95", "p99", "max");
        latency(out, "business day closed -> PaymentMissed", Percentiles.of(t.missedLatency()));
        latency(out, "payment posted -> PaymentReceived", Percentiles.of(t.paymentLatency()));
        latency(out, "reminder requested in hours -> at the provider", Percentiles.of(t.dispatchLatency()));
        double throughput = t.records() / Math.max(1.0, took.toMillis() / 1000.0);
        out.printf("Throughput: %,d events on the arrears topics in %ds, %,.0f events/s%n", t.records(), took.toSeconds(), throughput);
        settings.targets().ifPresent(file -> Targets.load(file).report(out, Map.of(
                "missed.p95.ms", (double) Percentiles.of(t.missedLatency()).p95(),
                "payment.p95.ms", (double) Percentiles.of(t.paymentLatency()).p95(),
                "dispatch.p95.ms", (double) Percentiles.of(t.dispatchLatency()).p95(),
                "throughput.events.per.s", throughput,
                "awaiting.at.month.end", (double) t.awaitingOutcome())));
    }

    private static void row(PrintStream out, String what, Object value) {
        out.printf("  %-44s %9s%n", what, value instanceof Integer i ? String.format("%,d", i) : value);
    }

    private static void latency(PrintStream out, String what, Percentiles p) {
        out.printf("  %-49s %,7d %7d %7d %7d %7d%n", what, p.samples(), p.p50(), p.p95(), p.p99(), p.max());
    }

    private String metric(String service, String name, String label, String value) {
        try {
            return String.format("%,.0f", desk.metric(service, name, label, value));
        } catch (Exception e) {
            return "n/a";
        }
    }
}
