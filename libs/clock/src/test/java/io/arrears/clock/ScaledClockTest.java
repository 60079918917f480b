package io.arrears.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledClockTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant START = Instant.parse("2031-03-01T00:00:00Z");

    @Test
    void readsTheStartAtTheAnchorAndRunsSpeedTimesFaster() {
        MovableClock wall = new MovableClock(ANCHOR);
        ScaledClock clock = new ScaledClock(START, ANCHOR, 4320, wall);
        assertThat(clock.instant()).isEqualTo(START);

        wall.advance(Duration.ofSeconds(20));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(1)));

        wall.advance(Duration.ofMillis(500));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(36)));
    }

    @Test
    void beforeTheAnchorItRunsBackwardsFromTheStartAtTheSameSpeed() {
        MovableClock wall = new MovableClock(ANCHOR.minusSeconds(10));
        assertThat(new ScaledClock(START, ANCHOR, 4320, wall).instant()).isEqualTo(START.minus(Duration.ofHours(12)));
    }

    @Test
    void mapsSimulatedTimeBackToTheWallClock() {
        ScaledClock clock = new ScaledClock(START, ANCHOR, 4320, new MovableClock(ANCHOR));
        assertThat(clock.realInstantOf(START.plus(Duration.ofDays(3)))).isEqualTo(ANCHOR.plusSeconds(60));
        assertThat(clock.realTimeOf(Duration.ofHours(12))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void tellsWhatItReadAtAPastWallClockInstant() {
        ScaledClock clock = new ScaledClock(START, ANCHOR, 4320, new MovableClock(ANCHOR.plusSeconds(3600)));
        assertThat(clock.simulatedInstantOf(ANCHOR.plusSeconds(60))).isEqualTo(START.plus(Duration.ofDays(3)));
        assertThat(clock.realInstantOf(clock.simulatedInstantOf(ANCHOR.plusMillis(12_345)))).isEqualTo(ANCHOR.plusMillis(12_345));
    }

    @Test
    void keepsItsTimeLineInAnotherZone() {
        MovableClock wall = new MovableClock(ANCHOR.plusSeconds(20));
        ScaledClock clock = new ScaledClock(START, ANCHOR, 4320, wall);
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.instant()).isEqualTo(clock.instant());
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void refusesASpeedThatIsNotPositive() {
        assertThatThrownBy(() -> new ScaledClock(START, ANCHOR, 0, new MovableClock(ANCHOR)))
                .hasMessageContaining("positive");
    }
}
