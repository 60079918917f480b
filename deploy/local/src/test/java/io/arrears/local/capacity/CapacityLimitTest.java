package io.arrears.local.capacity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityLimitTest {

    private static final OptionalDouble NONE = OptionalDouble.empty();

    @Test
    void aRunWhoseCoresMadeNearlyWhatItsCostAllowsIsBoundByTheCpu() {
        // 90,000 reminders in 75 s for 138 s of CPU: 1.53 ms each, so two cores make at most 1,304 a second.
        List<String> lines = CapacityLimit.describe(run(138, 9, farCeilings()), 2, OptionalDouble.of(2_800), NONE);

        assertThat(lines.get(0)).isEqualTo("what limits it: the CPU");
        assertThat(lines.get(1)).contains("1.53 ms of CPU per reminder (the provider simulators 0.10 ms of it)", "at most 1,304 reminders/s",
                "the run made 1,200 (92%)");
        assertThat(lines.get(2)).startsWith("  the machine's own ceilings, nearest first: the slower provider 40.0%; PostgreSQL's durable commits 15.0%;");
        assertThat(lines.get(3)).contains("2,800 reminders/s would take 4.3 cores at this cost, or at most 0.71 ms of CPU per reminder on these 2");
    }

    @Test
    void aCeilingNearlyReachedIsTheLimitWhateverTheCoresDid() {
        Ceilings.Figures slowMail = new Ceilings.Figures(100_000, 400_000, 700, 8_000, 100_000, 20_000, 1_300);

        List<String> lines = CapacityLimit.describe(run(138, 9, slowMail), 2, NONE, NONE);

        assertThat(lines.get(0)).isEqualTo("what limits it: the slower provider, at 92% of its ceiling on this machine");
    }

    @Test
    void aRunFarShortOfWhatItsCostAllowsWaitedOnAStage() {
        // 0.44 ms per reminder would let two cores make 4,500 a second; 1,200 is a quarter of it.
        List<String> lines = CapacityLimit.describe(run(40, 3, farCeilings()), 2, NONE, NONE);

        assertThat(lines.get(0)).startsWith("what limits it: waiting. The run made 27% of what its cores could");
    }

    @Test
    void aP99OverItsTargetSaysHowFastTheRemindersWouldHaveToLeave() {
        // 30,000 PaymentMissed announced at 2,000 a second, each followed by two timed reminders: 4,000 a second.
        List<String> lines = CapacityLimit.describe(run(138, 9, farCeilings()), 2, OptionalDouble.of(1_000), OptionalDouble.of(2_000));

        assertThat(lines).noneMatch(line -> line.contains("would take"));
        assertThat(lines.get(lines.size() - 1)).contains("a p99 under 2 s", "2,000 PaymentMissed/s with 2.0 reminders each, 4,000 reminders/s, 6.1 cores");
    }

    @Test
    void aP99OverItsTargetWhenArrearsWereAnnouncedAsFastAsRemindersLeftIsPutDownToThePacesBacklog() {
        // 600 PaymentMissed a second, two reminders each: 1,200 a second, what the providers took.
        List<String> lines = CapacityLimit.describe(run(138, 9, farCeilings(), 600), 2, OptionalDouble.of(1_000), OptionalDouble.of(2_000));

        assertThat(lines.get(lines.size() - 1)).contains("announced no faster than reminders left", "600 PaymentMissed/s",
                "1,200 reminders/s", "account.ageing.pace.downstream");
        assertThat(lines).noneMatch(line -> line.contains("would need the reminders to leave"));
    }

    @Test
    void aRunKeptWithoutItsCeilingsIsJudgedByItsCoresAlone() {
        assertThat(CapacityLimit.describe(run(138, 9, null), 2, NONE, NONE)).first().isEqualTo("what limits it: the CPU");
    }

    /** 90,000 reminders at the providers over a 75 s drain, with {@code cpu} seconds of CPU of which the simulators used {@code sims}. */
    private static CapacityResult run(double cpu, double sims, Ceilings.Figures ceilings) {
        return run(cpu, sims, ceilings, 2_000);
    }

    private static CapacityResult run(double cpu, double sims, Ceilings.Figures ceilings, double missedPerSecond) {
        CapacityResult.Stage missed = new CapacityResult.Stage(30_000, missedPerSecond, 12_000, 27_000);
        CapacityResult.Stage reminders = new CapacityResult.Stage(90_000, 1_300, 500, 75_000);
        CapacityResult.Run run = new CapacityResult.Run(100_000, 30_000, 30_000, missed, reminders, reminders, reminders,
                new CapacityResult.Latency(60_000, 36_000, 46_000, 46_300), 75, Map.of(),
                Map.of("postgres", new CapacityResult.Process(cpu - sims, 0, 0, 0), "sinks", new CapacityResult.Process(sims, 0, 0, 0)),
                Map.of(), null, List.of(), Map.of(), null, null, null, null, null, null);
        return new CapacityResult(Instant.parse("2026-12-05T10:00:00Z"), run, ceilings);
    }

    /** Ceilings the run above is far from: 1,200 reminders a second are 40% of the mail server's, 15% of the commits. */
    private static Ceilings.Figures farCeilings() {
        return new Ceilings.Figures(100_000, 400_000, 700, 8_000, 100_000, 20_000, 3_000);
    }
}
