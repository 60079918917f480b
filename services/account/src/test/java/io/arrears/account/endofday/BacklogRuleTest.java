package io.arrears.account.endofday;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import static io.arrears.account.endofday.BacklogRule.Verdict.GO;
import static io.arrears.account.endofday.BacklogRule.Verdict.STALLED;
import static io.arrears.account.endofday.BacklogRule.Verdict.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class BacklogRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final BacklogRule rule = new BacklogRule(Map.of("reminder", 300L, "contact", 1000L), Duration.ofSeconds(10));

    @Test
    void theRunGoesOnWhileEveryServiceIsWithinItsLimit() {
        assertThat(rule.judge(behind(300, 1000), T0)).isEqualTo(GO);
    }

    @Test
    void oneServiceOverItsLimitHoldsTheRunUntilItIsBackWithin() {
        assertThat(rule.judge(behind(10, 1001), T0)).isEqualTo(WAIT);
        assertThat(rule.judge(behind(10, 1500), T0.plusSeconds(1))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(301, 200), T0.plusSeconds(2))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(250, 900), T0.plusSeconds(3))).isEqualTo(GO);
    }

    @Test
    void aBacklogThatCannotBeReadNeverHoldsTheRun() {
        assertThat(rule.judge(Map.of("reminder", OptionalLong.empty(), "contact", OptionalLong.empty()), T0)).isEqualTo(GO);
        assertThat(rule.judge(Map.of(), T0)).isEqualTo(GO);
    }

    @Test
    void aBacklogThatKeepsShrinkingHoldsTheRunForAsLongAsItTakes() {
        for (int s = 0; s <= 60; s++) {
            assertThat(rule.judge(behind(0, 5000 - s * 10), T0.plusSeconds(s))).isEqualTo(WAIT);
        }
    }

    @Test
    void aBacklogThatStopsShrinkingIsAStallOnceAndThenNoLongerHoldsTheRun() {
        assertThat(rule.judge(behind(0, 2000), T0)).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 1900), T0.plusSeconds(5))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 1950), T0.plusSeconds(14))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 1900), T0.plusSeconds(15))).isEqualTo(STALLED);
        assertThat(rule.judge(behind(0, 2400), T0.plusSeconds(16))).isEqualTo(GO);
        assertThat(rule.judge(behind(0, 3000), T0.plusSeconds(40))).isEqualTo(GO);
    }

    @Test
    void aStalledServiceThatStartsCatchingUpHoldsTheRunAgain() {
        rule.judge(behind(0, 2000), T0);
        assertThat(rule.judge(behind(0, 2000), T0.plusSeconds(10))).isEqualTo(STALLED);
        assertThat(rule.judge(behind(0, 2500), T0.plusSeconds(11))).isEqualTo(GO);
        assertThat(rule.judge(behind(0, 1999), T0.plusSeconds(12))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 1999), T0.plusSeconds(21))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 1999), T0.plusSeconds(22))).isEqualTo(STALLED);
    }

    @Test
    void aServiceBackWithinItsLimitStartsTheNextWaitAfresh() {
        rule.judge(behind(0, 2000), T0);
        assertThat(rule.judge(behind(0, 500), T0.plusSeconds(9))).isEqualTo(GO);
        assertThat(rule.judge(behind(0, 2500), T0.plusSeconds(30))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 2500), T0.plusSeconds(39))).isEqualTo(WAIT);
        assertThat(rule.judge(behind(0, 2500), T0.plusSeconds(40))).isEqualTo(STALLED);
    }

    private static Map<String, OptionalLong> behind(long reminder, long contact) {
        return Map.of("reminder", OptionalLong.of(reminder), "contact", OptionalLong.of(contact));
    }
}
