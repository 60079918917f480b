package io.arrears.local.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What held a capacity run to its rate, said from the run's own figures: one of the machine's ceilings (the
 * broker, PostgreSQL's durable commits, the slower provider), the cores (the CPU every process spent per
 * reminder against the cores there are), or neither, when the cores stood idle while a stage waited on
 * another. Then what the targets would take at the cost measured.
 */
final class CapacityLimit {

    /** A ceiling used at this share or more is the limit, whatever the cores did. */
    static final double CEILING_SHARE = 0.8;
    /**
     * Making at least this share of what the cores could make at the run's CPU per reminder counts as bound by
     * the CPU: the rest is the burst's ramp and tail, and what the benchmark's own reader takes.
     */
    static final double CPU_SHARE = 0.75;

    /**
     * Arrears announced at most this much faster than reminders left were paced to the pipeline
     * ({@code account.ageing.pace}): their queue was kept in unreviewed accounts, not in the pipeline.
     */
    static final double PACED = 1.15;

    private CapacityLimit() {
    }

    /**
     * @param cores           the machine's processors, all of which the run's processes share
     * @param targetPerSecond the reminders per second the targets ask for, if they are known
     * @param targetP99Millis the p99 from PaymentMissed to the provider the targets ask for, if it is known
     */
    static List<String> describe(CapacityResult result, int cores, OptionalDouble targetPerSecond, OptionalDouble targetP99Millis) {
        CapacityResult.Run run = result.run();
        long reminders = run.atProvider().count();
        List<String> lines = new ArrayList<>();
        if (reminders == 0 || run.drainSeconds() <= 0) {
            lines.add("what limits it: not known, as no reminder reached a provider");
            return lines;
        }
        double cpuMillis = run.cpuSeconds() * 1000 / reminders;
        double cpuBound = cores * 1000 / cpuMillis;
        double made = run.endToEndPerSecond();
        Map<String, Double> ceilings = ceilingShares(result);
        Map.Entry<String, Double> nearest = ceilings.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);

        if (nearest != null && nearest.getValue() >= CEILING_SHARE) {
            lines.add(String.format("what limits it: %s, at %.0f%% of its ceiling on this machine", nearest.getKey(), 100 * nearest.getValue()));
        } else if (made >= CPU_SHARE * cpuBound) {
            lines.add("what limits it: the CPU");
        } else {
            lines.add(String.format("what limits it: waiting. The run made %.0f%% of what its cores could at its CPU per reminder, and no ceiling"
                    + " was near: a stage waited on another (the progress lines show where the cores stood idle)", 100 * made / cpuBound));
        }
        CapacityResult.Process simulators = run.processes().get("sinks");
        lines.add(String.format("  every process together spent %.2f ms of CPU per reminder%s: %d cores at that cost make at most %,.0f"
                        + " reminders/s, and the run made %,.0f (%.0f%%)", cpuMillis,
                simulators == null ? "" : String.format(" (the provider simulators %.2f ms of it)", simulators.cpuSeconds() * 1000 / reminders),
                cores, cpuBound, made, 100 * made / cpuBound));
        if (!ceilings.isEmpty()) {
            StringBuilder line = new StringBuilder("  the machine's own ceilings, nearest first:");
            ceilings.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                    .forEach(c -> line.append(String.format(" %s %.1f%%;", c.getKey(), 100 * c.getValue())));
            lines.add(line.substring(0, line.length() - 1));
        }
        targetPerSecond.ifPresent(target -> {
            if (made < target) {
                lines.add(String.format("  %,.0f reminders/s would take %.1f cores at this cost, or at most %.2f ms of CPU per reminder on these %d",
                        target, target * cpuMillis / 1000, cores * 1000 / target, cores));
            }
        });
        targetP99Millis.ifPresent(target -> {
            long missed = run.paymentMissed().count();
            double announced = run.paymentMissed().sustainedPerSecond();
            if (run.missedToProvider().p99Millis() > target && missed > 0 && announced > 0) {
                double each = (double) run.missedToProvider().count() / missed;
                double needed = announced * each;
                if (needed <= PACED * made) {
                    lines.add(String.format("  arrears were announced no faster than reminders left (%,.0f PaymentMissed/s with %.1f reminders each,"
                                    + " %,.0f reminders/s): a p99 over %,.0f s is the time through the backlog the pace lets the services"
                                    + " downstream hold (account.ageing.pace.queue-time; account.ageing.pace.downstream.*.max-behind)", announced, each, needed, target / 1000));
                    return;
                }
                lines.add(String.format("  a p99 under %,.0f s would need the reminders to leave as fast as arrears were announced:"
                                + " %,.0f PaymentMissed/s with %.1f reminders each, %,.0f reminders/s, %.1f cores at this cost",
                        target / 1000, announced, each, needed, needed * cpuMillis / 1000));
            }
        });
        return lines;
    }

    /** Each ceiling's share that the run used; none for a run kept without its ceilings. */
    private static Map<String, Double> ceilingShares(CapacityResult result) {
        Map<String, Double> shares = new LinkedHashMap<>();
        Ceilings.Figures c = result.ceilings();
        if (c != null) {
            shares.put("the slower provider", CapacityReport.providerShare(result.run(), c));
            shares.put("PostgreSQL's durable commits", CapacityReport.commitShare(result.run(), c));
            shares.put("Kafka", CapacityReport.kafkaShare(result.run(), c));
        }
        return shares;
    }
}
