package io.arrears.account.endofday;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        // Two seconds of readings, both groups taking 1,000 a second; until a pace is known, records waiting hold the run.
        for (int tenth = 0; tenth < 20; tenth++) {
            assertThat(timed.judge(progress(5_000, tenth * 100L, 5_000, tenth * 100L), T0.plusMillis(tenth * 100L))).isEqualTo(WAIT);
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
            timed.judge(contact(100, tenth * 100L), at);
            slower.judge(contact(100, tenth * 50L), at);
        }
        assertThat(timed.judge(contact(800, 3_100), T0.plusMillis(3_100))).isEqualTo(GO);
        assertThat(slower.judge(contact(800, 1_550), T0.plusMillis(3_100))).isEqualTo(WAIT);
    }

    @Test
    void eachTopicOfAGroupIsJudgedAtItsOwnPace() {
        BacklogRule timed = new BacklogRule(Map.of("reminder", 100_000L), Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        // Pre-due announcements taken at 1,500 a second for three seconds; announcements of arrears at 500.
        for (int tenth = 0; tenth <= 30; tenth++) {
            timed.judge(reminder(0, tenth * 150L, 0, 0), T0.plusMillis(tenth * 100L));
        }
        // The first arrears: no pace known for their topic, so the run waits until they are taken.
        assertThat(timed.judge(reminder(0, 4_500, 100, 0), T0.plusMillis(3_100))).isEqualTo(WAIT);
        assertThat(timed.judge(reminder(0, 4_500, 0, 100), T0.plusMillis(3_300))).isEqualTo(GO);
        for (int tenth = 34; tenth <= 60; tenth++) {
            timed.judge(reminder(0, 4_500, 0, 100 + (tenth - 33) * 50L), T0.plusMillis(tenth * 100L));
        }
        // 700 records is half a second at the pre-due pace, but 1.4 s at the pace of arrears: it waits.
        assertThat(timed.judge(reminder(0, 4_500, 700, 1_500), T0.plusMillis(6_100))).isEqualTo(WAIT);
        assertThat(timed.judge(reminder(0, 4_500, 400, 1_550), T0.plusMillis(6_200))).isEqualTo(GO);
    }

    @Test
    void theLogGivesEachTopicsBacklogAndPace() {
        BacklogRule timed = new BacklogRule(Map.of("reminder", 100_000L), Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(10));
        for (int tenth = 0; tenth <= 20; tenth++) {
            timed.judge(reminder(0, tenth * 150L, 0, 0), T0.plusMillis(tenth * 100L));
        }
        assertThat(timed.queuedFor(reminder(10, 3_000, 5, 0))).isEqualTo("reminder: due-soon=10 at 1500/s, missed=5");
        assertThat(timed.queuedFor(Map.of("reminder", Optional.empty()))).isEqualTo("reminder: unknown");
    }

    private static Map<String, Optional<Map<String, BacklogRule.Backlog>>> behind(long reminder, long contact) {
        return progress(reminder, 0, contact, 0);
    }

    private static Map<String, Optional<Map<String, BacklogRule.Backlog>>> progress(long reminder, long reminderTaken, long contact, long contactTaken) {
        return Map.of("reminder", Optional.of(Map.of("missed", new BacklogRule.Backlog(reminder, reminderTaken))),
                "contact", Optional.of(Map.of("requested", new BacklogRule.Backlog(contact, contactTaken))));
    }

    private static Map<String, Optional<Map<String, BacklogRule.Backlog>>> contact(long behind, long taken) {
        return Map.of("contact", Optional.of(Map.of("requested", new BacklogRule.Backlog(behind, taken))));
    }

    /** The reminder service's two topics, in the order the log gives them. */
    private static Map<String, Optional<Map<String, BacklogRule.Backlog>>> reminder(long dueSoon, long dueSoonTaken, long missed, long missedTaken) {
        Map<String, BacklogRule.Backlog> topics = new LinkedHashMap<>();
        topics.put("due-soon", new BacklogRule.Backlog(dueSoon, dueSoonTaken));
        topics.put("missed", new BacklogRule.Backlog(missed, missedTaken));
        return Map.of("reminder", Optional.of(topics));
    }
}
