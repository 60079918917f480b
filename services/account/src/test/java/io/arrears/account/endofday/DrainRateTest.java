package io.arrears.account.endofday;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrainRateTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");
    private final DrainRate rate = new DrainRate();

    @Test
    void noPaceIsGivenBeforeASpanHasBeenSeen() {
        rate.observe(0, T0);
        rate.observe(1_900, T0.plusMillis(1_900));
        assertThat(rate.perSecond()).isEmpty();
        rate.observe(2_000, T0.plusSeconds(2));
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(0.1));
    }

    @Test
    void commitsInStepsAreMeasuredOverTheSpanNotBetweenTwoSteps() {
        // Offsets committed every quarter second in steps of 250, read every 50 ms: 1,000 a second throughout.
        for (int ms = 0; ms <= 4_000; ms += 50) {
            rate.observe((ms / 250) * 250L, T0.plusMillis(ms));
        }
        assertThat(rate.perSecond().getAsDouble()).isBetween(1_000.0, 1_125.0);
    }

    @Test
    void aMomentWithoutWorkDoesNotLowerThePaceKept() {
        long taken = 0;
        for (int ms = 0; ms <= 3_000; ms += 100) {
            rate.observe(taken += 100, T0.plusMillis(ms));
        }
        for (int ms = 3_100; ms <= 11_000; ms += 100) {
            rate.observe(taken, T0.plusMillis(ms));
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(1.0));
        // Slower now: once spans of the new pace are all that is kept, they are the pace, however much faster the old.
        for (int ms = 11_100; ms <= 17_200; ms += 100) {
            rate.observe(taken += 30, T0.plusMillis(ms));
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(300, within(1.0));
    }

    @Test
    void aNewRunIsJudgedAtTheLastRunsPaceUntilItHasASpanOfItsOwn() {
        rate.observe(8_000, T0.plusSeconds(8));
        rate.observe(10_000, T0.plusSeconds(10));
        rate.observe(10_000, T0.plusSeconds(3_600));
        rate.observe(10_500, T0.plusSeconds(3_601));
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(0.1));
        // 500 a second from here; the first span, from 3,600 s, is seen at 3,602.1 s and begins the run.
        Instant from = T0.plusSeconds(3_601);
        long taken = 10_500;
        for (int ms = 1_100; ms <= 3_000; ms += 100) {
            rate.observe(taken += 50, from.plusMillis(ms));
        }
        // Every span so far reaches back before the run began: the last run's pace stands.
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(0.1));
        // Two seconds after it began, a span wholly its own: that is its pace from now on.
        rate.observe(taken += 50, from.plusMillis(3_100));
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(500, within(0.1));
    }

    @Test
    void aRunThatRanOutOfWorkHandsOnItsFastestPaceNotItsLast() {
        long taken = 0;
        // 1,000 a second, then the work runs out: 200 a second for eight seconds, then nothing.
        for (int ms = 0; ms <= 4_000; ms += 100) {
            rate.observe(taken += 100, T0.plusMillis(ms));
        }
        for (int ms = 4_100; ms <= 12_000; ms += 100) {
            rate.observe(taken += 20, T0.plusMillis(ms));
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(200, within(1.0));
        for (int ms = 12_100; ms <= 15_000; ms += 100) {
            rate.observe(taken, T0.plusMillis(ms));
        }
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(1.0));
        // The next wave's first span reaches back into the pause: 100 taken over two seconds is not its pace.
        rate.observe(taken, T0.plusSeconds(600));
        rate.observe(taken += 100, T0.plusSeconds(602));
        assertThat(rate.perSecond().getAsDouble()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void offsetsThatGoBackStartTheMeasureAfresh() {
        rate.observe(50_000, T0);
        rate.observe(52_000, T0.plusSeconds(2));
        assertThat(rate.perSecond()).isPresent();
        rate.observe(100, T0.plusMillis(2_500));
        assertThat(rate.perSecond()).isEmpty();
    }
}
