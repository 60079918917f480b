package io.arrears.account.endofday;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.arrears.account.endofday.BacklogRule.Verdict.GO;
import static io.arrears.account.endofday.BacklogRule.Verdict.STALLED;
import static io.arrears.account.endofday.BacklogRule.Verdict.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

class BacklogRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final BacklogRule rule = new BacklogRule(Map.of("reminder", 300L, "contact", 1000L), Optional.empty(), Duration.ofSeconds(10));

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
        assertThat(rule.judge(Map.of("reminder", Optional.empty(), "contact", Optional.empty()), T0)).isEqualTo(GO);
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

    @Test
    void aNewAnnouncementThatWouldWaitLongerThanTheQueueTimeBehindTheOthersHoldsTheRun() {
        BacklogRule timed = new BacklogRule(Map.of("reminder", 100_000L, "contact", 100_000L), Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        // Until a pace is known only the ceilings count: two seconds of readings, both groups taking 1,000 a second.
        for (int tenth = 0; tenth < 20; tenth++) {
            assertThat(timed.judge(progress(5_000, tenth * 100L, 5_000, tenth * 100L), T0.plusMillis(tenth * 100L))).isEqualTo(GO);
        }
        // Now known: 400 + 500 records at 1,000 a second is 0.9 s; one more second's worth, and it waits.
        assertThat(timed.judge(progress(400, 2_000, 500, 2_000), T0.plusSeconds(2))).isEqualTo(GO);
        assertThat(timed.judge(progress(400, 2_100, 700, 2_100), T0.plusMillis(2_100))).isEqualTo(WAIT);
        assertThat(timed.judge(progress(300, 2_400, 600, 2_400), T0.plusMillis(2_400))).isEqualTo(GO);
    }

    @Test
    void theSameBacklogHoldsTheRunWhenItsServiceGetsThroughItMoreSlowly() {
        BacklogRule timed = new BacklogRule(Map.of("contact", 100_000L), Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        BacklogRule slower = new BacklogRule(Map.of("contact", 100_000L), Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        for (int tenth = 0; tenth <= 30; tenth++) {
            Instant at = T0.plusMillis(tenth * 100L);
            timed.judge(Map.of("contact", Optional.of(new BacklogRule.Backlog(100, tenth * 100L))), at);
            slower.judge(Map.of("contact", Optional.of(new BacklogRule.Backlog(100, tenth * 50L))), at);
        }
        Map<String, Optional<BacklogRule.Backlog>> sameBacklog = Map.of("contact", Optional.of(new BacklogRule.Backlog(800, 3_100)));
        assertThat(timed.judge(sameBacklog, T0.plusMillis(3_100))).isEqualTo(GO);
        assertThat(slower.judge(Map.of("contact", Optional.of(new BacklogRule.Backlog(800, 1_550))), T0.plusMillis(3_100))).isEqualTo(WAIT);
    }

    private static Map<String, Optional<BacklogRule.Backlog>> behind(long reminder, long contact) {
        return progress(reminder, 0, contact, 0);
    }

    private static Map<String, Optional<BacklogRule.Backlog>> progress(long reminder, long reminderTaken, long contact, long contactTaken) {
        return Map.of("reminder", Optional.of(new BacklogRule.Backlog(reminder, reminderTaken)),
                "contact", Optional.of(new BacklogRule.Backlog(contact, contactTaken)));
    }
}
