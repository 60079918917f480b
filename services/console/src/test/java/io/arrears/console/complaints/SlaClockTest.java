package io.arrears.console.complaints;

import io.arrears.console.clients.Views;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2030, 2, 4, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aReceivedComplaintRunsAgainstTheAcknowledgementDeadlineThenTheResolutionOne() {
        SlaClock received = SlaClock.of(summary("RECEIVED", false), NOW);
        assertThat(received.stage()).isEqualTo("acknowledge");
        assertThat(received.remaining()).isEqualTo("1d 2h");
        assertThat(received.breached()).isFalse();
        SlaClock investigating = SlaClock.of(summary("INVESTIGATING", false), NOW);
        assertThat(investigating.stage()).isEqualTo("resolve");
        assertThat(investigating.remaining()).isEqualTo("10d 0h");
    }

    @Test
    void aDeadlinePassedShowsHowLongAgoAndIsBreached() {
        SlaClock late = SlaClock.of(summary("RECEIVED", false), NOW.plusDays(2));
        assertThat(late.breached()).isTrue();
        assertThat(late.remaining()).isEqualTo("-22h 0m");
        assertThat(SlaClock.of(summary("RESOLVED", true), NOW).breached()).as("a breach stays on the record after resolution").isTrue();
    }

    @Test
    void underADayItCountsHoursAndMinutes() {
        assertThat(SlaClock.human(Duration.ofMinutes(135))).isEqualTo("2h 15m");
    }

    private static Views.ComplaintSummary summary(String state, boolean breached) {
        return new Views.ComplaintSummary("CMP-1", "ACC-1", "HARASSMENT", state, true, NOW.minusHours(1), NOW.plusHours(26),
                NOW.plusDays(10), breached);
    }
}
