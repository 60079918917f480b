package io.arrears.reminder.schedule;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A step's life as a table: what it may become from each status, and nothing else. */
class StepStatusTest {

    @Test
    void eachStatusMayBecomeExactlyWhatTheTableSays() {
        assertNext(StepStatus.PENDING, StepStatus.SUSPENDED, StepStatus.REQUESTED, StepStatus.DONE, StepStatus.SKIPPED,
                StepStatus.CANCELLED, StepStatus.PARKED);
        assertNext(StepStatus.SUSPENDED, StepStatus.PENDING, StepStatus.SKIPPED, StepStatus.CANCELLED);
        assertNext(StepStatus.REQUESTED, StepStatus.SENT, StepStatus.DELIVERED, StepStatus.FAILED, StepStatus.SUPPRESSED, StepStatus.UNKNOWN);
        assertNext(StepStatus.SENT, StepStatus.DELIVERED, StepStatus.FAILED);
        assertNext(StepStatus.UNKNOWN, StepStatus.DELIVERED, StepStatus.FAILED);
        for (StepStatus last : EnumSet.of(StepStatus.DELIVERED, StepStatus.FAILED, StepStatus.SUPPRESSED, StepStatus.DONE,
                StepStatus.SKIPPED, StepStatus.CANCELLED, StepStatus.PARKED)) {
            assertNext(last);
        }
    }

    @Test
    void whatAStepMayBecomeSomethingFromIsTheTableReadBackwards() {
        assertThat(StepStatus.before(StepStatus.SENT)).containsExactly(StepStatus.REQUESTED);
        assertThat(StepStatus.before(StepStatus.DELIVERED)).containsExactlyInAnyOrder(StepStatus.REQUESTED, StepStatus.SENT, StepStatus.UNKNOWN);
        for (StepStatus next : StepStatus.values()) {
            for (StepStatus from : StepStatus.values()) {
                assertThat(StepStatus.before(next).contains(from)).as(from + " before " + next).isEqualTo(from.canBecome(next));
            }
        }
    }

    /** The case's timeline reads a request off its step: a status says so exactly when no path reaches it but through REQUESTED. */
    @Test
    void aStepWasRequestedExactlyWhenItsStatusCanBeReachedOnlyThroughRequested() {
        Set<StepStatus> withoutRequesting = reachable(EnumSet.of(StepStatus.PENDING, StepStatus.SUSPENDED, StepStatus.SKIPPED), StepStatus.REQUESTED);
        Set<StepStatus> afterRequesting = reachable(EnumSet.of(StepStatus.REQUESTED), null);
        for (StepStatus status : StepStatus.values()) {
            assertThat(status.wasRequested()).as(status.name())
                    .isEqualTo(afterRequesting.contains(status) && !withoutRequesting.contains(status));
        }
        assertThat(StepStatus.DELIVERED.wasRequested()).isTrue();
        assertThat(StepStatus.DONE.wasRequested()).isFalse();
    }

    /** Every status the table leads to from {@code start}, never passing through {@code avoiding}. */
    private static Set<StepStatus> reachable(Set<StepStatus> start, StepStatus avoiding) {
        Set<StepStatus> seen = EnumSet.copyOf(start);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (StepStatus from : EnumSet.copyOf(seen)) {
                for (StepStatus next : StepStatus.values()) {
                    if (next != avoiding && from.canBecome(next) && seen.add(next)) {
                        grew = true;
                    }
                }
            }
        }
        return seen;
    }

    @Test
    void onlyAStepThatHasNotBeenRequestedCanStillFireOrBeCancelled() {
        for (StepStatus from : StepStatus.values()) {
            assertThat(from.canBecome(StepStatus.REQUESTED)).as(from + " -> REQUESTED").isEqualTo(from == StepStatus.PENDING);
            assertThat(from.canBecome(StepStatus.CANCELLED)).as(from + " -> CANCELLED").isEqualTo(from.isOpen());
        }
    }

    @Test
    void aForbiddenChangeIsANamedErrorAndLeavesTheStepAsItWas() {
        ScheduledStep step = new ScheduledStep();
        assertThatThrownBy(() -> step.moveTo(StepStatus.REQUESTED)).isInstanceOf(StepStatus.IllegalTransition.class)
                .hasMessageStartingWith("a new step starts").hasMessageEndingWith("not REQUESTED");
        step.moveTo(StepStatus.PENDING);
        step.moveTo(StepStatus.REQUESTED);
        step.moveTo(StepStatus.DELIVERED);

        assertThatThrownBy(() -> step.moveTo(StepStatus.SENT)).isInstanceOf(StepStatus.IllegalTransition.class)
                .hasMessage("a step that is DELIVERED cannot become SENT; allowed next: nothing, it is final");
        assertThat(step.status).isEqualTo(StepStatus.DELIVERED);
    }

    private static void assertNext(StepStatus from, StepStatus... allowed) {
        Set<StepStatus> expected = allowed.length == 0 ? EnumSet.noneOf(StepStatus.class) : EnumSet.of(allowed[0], allowed);
        for (StepStatus to : StepStatus.values()) {
            assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected.contains(to));
        }
    }
}
