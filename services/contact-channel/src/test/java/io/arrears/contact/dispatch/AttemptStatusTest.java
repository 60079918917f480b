package io.arrears.contact.dispatch;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The send-once guarantee as a table: what an attempt may become from each status, and nothing else. */
class AttemptStatusTest {

    @Test
    void eachStatusMayBecomeExactlyWhatTheTableSays() {
        assertNext(AttemptStatus.PENDING, AttemptStatus.DEFERRED, AttemptStatus.SENDING, AttemptStatus.SUPPRESSED, AttemptStatus.FAILED);
        assertNext(AttemptStatus.DEFERRED, AttemptStatus.DEFERRED, AttemptStatus.SENDING, AttemptStatus.SUPPRESSED, AttemptStatus.FAILED);
        assertNext(AttemptStatus.SENDING, AttemptStatus.SENT, AttemptStatus.FAILED, AttemptStatus.UNKNOWN, AttemptStatus.PENDING);
        assertNext(AttemptStatus.SENT, AttemptStatus.DELIVERED, AttemptStatus.FAILED);
        assertNext(AttemptStatus.UNKNOWN, AttemptStatus.DELIVERED, AttemptStatus.FAILED);
        for (AttemptStatus last : List.of(AttemptStatus.DELIVERED, AttemptStatus.FAILED, AttemptStatus.SUPPRESSED)) {
            assertNext(last);
        }
    }

    @Test
    void whatAReceiptMakesOfAnAttemptAwaitingOneIsAllowedFromEachStatusThatAwaitsIt() {
        assertThat(AttemptStatus.awaitingReceipt()).containsExactlyInAnyOrder(AttemptStatus.SENT, AttemptStatus.UNKNOWN);
        for (AttemptStatus awaiting : AttemptStatus.awaitingReceipt()) {
            assertThat(awaiting.canBecome(AttemptStatus.onReceipt(true))).as(awaiting + " delivered").isTrue();
            assertThat(awaiting.canBecome(AttemptStatus.onReceipt(false))).as(awaiting + " not delivered").isTrue();
        }
        assertThat(AttemptStatus.onReceipt(true)).isEqualTo(AttemptStatus.DELIVERED);
        assertThat(AttemptStatus.onReceipt(false)).isEqualTo(AttemptStatus.FAILED);
    }

    @Test
    void whatAFinalAnswerMakesOfASendingAttemptIsAllowedFromSending() {
        assertThat(AttemptStatus.onFinalAnswer(true)).isEqualTo(AttemptStatus.SENT);
        assertThat(AttemptStatus.onFinalAnswer(false)).isEqualTo(AttemptStatus.FAILED);
        assertThat(AttemptStatus.SENDING.canBecome(AttemptStatus.onFinalAnswer(true))).isTrue();
        assertThat(AttemptStatus.SENDING.canBecome(AttemptStatus.onFinalAnswer(false))).isTrue();
    }

    @Test
    void nothingThatMayHaveReachedTheProviderGoesBackToBeSentAgainExceptThroughSending() {
        for (AttemptStatus from : AttemptStatus.values()) {
            if (from != AttemptStatus.SENDING) {
                assertThat(from.canBecome(AttemptStatus.PENDING)).as(from + " -> PENDING").isFalse();
            }
        }
        assertThat(AttemptStatus.SENT.canBecome(AttemptStatus.SENDING)).isFalse();
        assertThat(AttemptStatus.UNKNOWN.canBecome(AttemptStatus.SENDING)).isFalse();
    }

    @Test
    void aForbiddenChangeIsANamedErrorAndLeavesTheAttemptAsItWas() {
        ContactAttempt attempt = new ContactAttempt();
        assertThatThrownBy(() -> attempt.moveTo(AttemptStatus.SENDING)).isInstanceOf(AttemptStatus.IllegalTransition.class)
                .hasMessage("a new contact attempt starts PENDING, not SENDING");
        attempt.moveTo(AttemptStatus.PENDING);
        attempt.moveTo(AttemptStatus.SENDING);
        attempt.moveTo(AttemptStatus.SENT);
        attempt.moveTo(AttemptStatus.DELIVERED);

        assertThatThrownBy(() -> attempt.moveTo(AttemptStatus.FAILED)).isInstanceOf(AttemptStatus.IllegalTransition.class)
                .hasMessage("a contact attempt that is DELIVERED cannot become FAILED; allowed next: nothing, it is final");
        assertThat(attempt.status).isEqualTo(AttemptStatus.DELIVERED);
    }

    private static void assertNext(AttemptStatus from, AttemptStatus... allowed) {
        Set<AttemptStatus> expected = allowed.length == 0 ? EnumSet.noneOf(AttemptStatus.class) : EnumSet.of(allowed[0], allowed);
        for (AttemptStatus to : AttemptStatus.values()) {
            assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected.contains(to));
        }
    }
}
