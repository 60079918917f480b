package io.arrears.contact.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A send's answers must be given up before the reconciler may take its attempt, or it calls a text it cannot see UNKNOWN. */
class ReconcilerTimingsTest {

    @Test
    void answersThatMayStillBeWaitingWhenTheReconcilerComesStopStartUp() {
        assertThatThrownBy(() -> Reconciler.requireAnswersBeforeReconciling(Duration.ofSeconds(60), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("contact.dispatch.record-answers-within (PT1M)")
                .hasMessageContaining("contact.dispatch.stale-sending-after (PT15S)");
        assertThatThrownBy(() -> Reconciler.requireAnswersBeforeReconciling(Duration.ofSeconds(15), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultsAndTheFaultSuitesSettingsStart() {
        assertThatCode(() -> Reconciler.requireAnswersBeforeReconciling(Duration.ofSeconds(60), Duration.ofMinutes(2))).doesNotThrowAnyException();
        assertThatCode(() -> Reconciler.requireAnswersBeforeReconciling(Duration.ofSeconds(10), Duration.ofSeconds(15))).doesNotThrowAnyException();
    }
}
