package io.arrears.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovableClockTest {

    private static final Instant START = Instant.parse("2030-03-01T01:00:00Z");

    @Test
    void heldStillEveryReadIsTheSameMomentUntilItIsMoved() {
        MovableClock clock = new MovableClock(START);

        assertThat(clock.instant()).isEqualTo(START).isEqualTo(clock.instant());
        assertThat(clock.advance(Duration.ofDays(5))).isEqualTo(START.plus(Duration.ofDays(5))).isEqualTo(clock.instant());
        assertThat(clock.moveTo(START)).as("never back").isEqualTo(START.plus(Duration.ofDays(5)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tickingEachReadIsLaterThanTheOneBeforeInEveryZoneUntilClosed() {
        MovableClock clock = new MovableClock(START);
        var shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        try (MovableClock.Ticking ticking = clock.ticking(Duration.ofNanos(1_000))) {
            Instant first = clock.instant();
            Instant second = shanghai.instant();
            Instant third = clock.instant();
            assertThat(first).isEqualTo(START.plusNanos(1_000));
            assertThat(second).isEqualTo(first.plusNanos(1_000));
            assertThat(third).isEqualTo(second.plusNanos(1_000));
        }
        Instant held = clock.instant();
        assertThat(clock.instant()).isEqualTo(held).isEqualTo(START.plusNanos(3_000));
        assertThatThrownBy(() -> clock.ticking(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
