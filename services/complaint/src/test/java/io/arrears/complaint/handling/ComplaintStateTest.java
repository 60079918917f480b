package io.arrears.complaint.handling;

import io.arrears.complaint.handling.ComplaintState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static io.arrears.complaint.handling.ComplaintState.ACKNOWLEDGED;
import static io.arrears.complaint.handling.ComplaintState.ESCALATED_SUPERVISOR;
import static io.arrears.complaint.handling.ComplaintState.INVESTIGATING;
import static io.arrears.complaint.handling.ComplaintState.RECEIVED;
import static io.arrears.complaint.handling.ComplaintState.REGULATOR_REFERRAL;
import static io.arrears.complaint.handling.ComplaintState.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every pair of states: the six-by-six table of the lifecycle, written out here independently of the code. */
class ComplaintStateTest {

    private static final Set<String> ALLOWED = Set.of(
            "RECEIVED>ACKNOWLEDGED", "RECEIVED>ESCALATED_SUPERVISOR",
            "ACKNOWLEDGED>INVESTIGATING", "ACKNOWLEDGED>ESCALATED_SUPERVISOR",
            "INVESTIGATING>RESOLVED", "INVESTIGATING>ESCALATED_SUPERVISOR",
            "ESCALATED_SUPERVISOR>INVESTIGATING", "ESCALATED_SUPERVISOR>RESOLVED", "ESCALATED_SUPERVISOR>REGULATOR_REFERRAL",
            "REGULATOR_REFERRAL>RESOLVED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ComplaintState.values())
                .flatMap(from -> Arrays.stream(ComplaintState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableIsAllowed(ComplaintState from, ComplaintState to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);

        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            from.requireTransitionTo(to);
        } else {
            assertThatThrownBy(() -> from.requireTransitionTo(to)).isInstanceOf(ComplaintState.IllegalTransition.class)
                    .hasMessageStartingWith("a complaint that is " + from + " cannot become " + to);
        }
    }

    @Test
    void onlyAResolvedComplaintIsClosed() {
        assertThat(Arrays.stream(ComplaintState.values()).filter(s -> !s.isOpen())).containsExactly(RESOLVED);
        assertThat(RESOLVED.next()).isEmpty();
        assertThat(RECEIVED.next()).containsExactlyInAnyOrder(ACKNOWLEDGED, ESCALATED_SUPERVISOR);
        assertThat(REGULATOR_REFERRAL.next()).containsExactly(RESOLVED);
        assertThat(INVESTIGATING.next()).contains(RESOLVED);
    }
}
