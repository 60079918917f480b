package io.arrears.reminder.strategy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LadderEntryTest {

    private static final List<Step> LADDER = List.of(new Step(1, StepChannel.SMS, "a"), new Step(1, StepChannel.EMAIL, "a"),
            new Step(5, StepChannel.VOICE, "b"), new Step(10, StepChannel.AGENT_CALL, "c"));
    private static final LocalDate DAY_ONE = LocalDate.of(2030, 3, 1);

    @Test
    void onDayOneTheDayOneStepsAreDueTodayAndTheRestOnTheirDays() {
        assertThat(LadderEntry.plan(LADDER, DAY_ONE, DAY_ONE)).containsExactly(
                new LadderEntry.Planned(LADDER.get(0), DAY_ONE), new LadderEntry.Planned(LADDER.get(1), DAY_ONE),
                new LadderEntry.Planned(LADDER.get(2), DAY_ONE.plusDays(4)), new LadderEntry.Planned(LADDER.get(3), DAY_ONE.plusDays(9)));
    }

    @Test
    void enteringLateFiresOnlyTheLatestStepThatHasCome() {
        LocalDate day7 = DAY_ONE.plusDays(6);
        assertThat(LadderEntry.plan(LADDER, DAY_ONE, day7)).containsExactly(
                new LadderEntry.Planned(LADDER.get(2), day7), new LadderEntry.Planned(LADDER.get(3), DAY_ONE.plusDays(9)));
    }

    @Test
    void afterTheLastStepOnlyTheLastStepIsDue() {
        LocalDate day20 = DAY_ONE.plusDays(19);
        assertThat(LadderEntry.plan(LADDER, DAY_ONE, day20)).containsExactly(new LadderEntry.Planned(LADDER.get(3), day20));
    }
}
