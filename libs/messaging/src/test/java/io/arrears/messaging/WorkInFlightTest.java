package io.arrears.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkInFlightTest {

    @Test
    void aStopStartsNothingNewAndWaitsForWhatIsUnderWay() throws Exception {
        WorkInFlight work = new WorkInFlight(Duration.ofMinutes(1));
        assertThat(work.enter()).isTrue();

        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> work.drain(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> refused(work));

        assertThat(stop).isNotDone();
        work.leave();
        assertThat(stop.get()).isZero();
        assertThat(work.enter()).isFalse();
    }

    @Test
    void aStopThatOutlastsItsBoundSaysHowMuchIsStillRunning() {
        WorkInFlight work = new WorkInFlight(Duration.ofMinutes(1));
        assertThat(work.enter()).isTrue();
        assertThat(work.enter()).isTrue();
        work.leave();

        assertThat(work.drain(Duration.ofMillis(50))).isEqualTo(1);
    }

    /** Whether new work is refused; work let in before the stop leaves at once. */
    private static boolean refused(WorkInFlight work) {
        if (work.enter()) {
            work.leave();
            return false;
        }
        return true;
    }
}
