package io.arrears.reminder.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.arrears.reminder.cases.CaseState.Escalation.AGENCY;
import static io.arrears.reminder.cases.CaseState.Escalation.LEGAL_REVIEW;
import static io.arrears.reminder.cases.CaseState.Escalation.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStateTest {

    @Test
    void aHoldOutranksAPlanAPromiseAndAnEscalation() {
        assertThat(CaseState.derive(false, true, true, true, LEGAL_REVIEW)).isEqualTo(CaseState.ON_HOLD);
        assertThat(CaseState.derive(false, false, true, true, AGENCY)).isEqualTo(CaseState.IN_PLAN);
        assertThat(CaseState.derive(false, false, false, true, AGENCY)).isEqualTo(CaseState.PROMISED);
        assertThat(CaseState.derive(false, false, false, false, AGENCY)).isEqualTo(CaseState.ESCALATED_AGENCY);
        assertThat(CaseState.derive(false, false, false, false, NONE)).isEqualTo(CaseState.OPEN);
        assertThat(CaseState.derive(true, true, true, true, LEGAL_REVIEW)).isEqualTo(CaseState.CLOSED);
    }

    @ParameterizedTest
    @CsvSource({"CLOSED,OPEN", "CLOSED,ON_HOLD", "LEGAL_REVIEW,ESCALATED_AGENCY", "LEGAL_REVIEW,OPEN", "ESCALATED_AGENCY,OPEN",
            "IN_PLAN,PROMISED"})
    void forbiddenTransitionsAreNamedErrors(CaseState from, CaseState to) {
        assertThatThrownBy(() -> from.requireTransitionTo(to)).isInstanceOf(CaseState.IllegalCaseTransition.class)
                .hasMessage("a case cannot go from " + from + " to " + to);
    }

    @ParameterizedTest
    @CsvSource({"OPEN,ON_HOLD", "ON_HOLD,OPEN", "OPEN,PROMISED", "PROMISED,OPEN", "OPEN,IN_PLAN", "IN_PLAN,OPEN",
            "OPEN,ESCALATED_AGENCY", "ESCALATED_AGENCY,LEGAL_REVIEW", "IN_PLAN,CLOSED", "ON_HOLD,CLOSED"})
    void allowedTransitions(CaseState from, CaseState to) {
        from.requireTransitionTo(to);
        assertThat(from.canBecome(to)).isTrue();
    }
}
