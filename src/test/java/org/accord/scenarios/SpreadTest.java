package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void everyUnitRunsOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 5}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(37);
            Spread.run(threads, 37, "test", runs::incrementAndGet);
            for (int i = 0; i < 37; i++) {
                assertThat(runs.get(i)).as("unit %d on %d threads", i, threads).isEqualTo(1);
            }
        }
    }

    /** Unit 1 fails first and unit 0 only after it: the failure passed on is still unit 0's, as on one thread. */
    @Test
    void theFailureOfTheLowestNumberedUnitIsPassedOnEvenWhenAHigherOneFailsFirst() {
        CountDownLatch secondFailed = new CountDownLatch(1);
        assertThatThrownBy(() -> Spread.run(2, 2, "test", unit -> {
            if (unit == 1) {
                secondFailed.countDown();
                throw new IllegalArgumentException("unit 1");
            }
            try {
                secondFailed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalArgumentException("unit 0");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("unit 0");
    }

    @Test
    void noUnitIsTakenAfterAFailure() {
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        assertThatThrownBy(() -> Spread.run(1, 10, "test", unit -> {
            runs.incrementAndGet(unit);
            if (unit == 3) {
                throw new IllegalStateException("unit 3");
            }
        })).hasMessage("unit 3");
        assertThat(runs.get(3)).isEqualTo(1);
        assertThat(runs.get(4)).isZero();
    }
}
