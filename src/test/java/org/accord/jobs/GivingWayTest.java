package org.accord.jobs;

import static org.accord.jobs.JobsTest.await;
import static org.accord.jobs.JobsTest.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.engine.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Running jobs give way to interactive requests between their units of work. The units' lengths
 * come from a clock the test moves, and every wait is observed through the count of waiting
 * threads or ended by the test, so nothing depends on how fast the machine is.
 */
class GivingWayTest {

    private static final long HOUR = Duration.ofHours(1).toNanos();

    private final InteractiveRequests requests = new InteractiveRequests();
    private final AtomicLong nanos = new AtomicLong();
    private Jobs jobs;

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.shutdown(Duration.ofSeconds(1));
        }
    }

    private Job submit(double leastShare, long longestPause, Jobs.Work work) {
        jobs = new Jobs(new HeavyWork(1), 2, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC(), JobRecords.NONE,
                new GivingWay(requests, leastShare, longestPause, nanos::get));
        return jobs.submit("simulate", "key:desk", work);
    }

    /** Work of {@code units} units, each taking {@code unitNanos} on the test's clock; counts the units it begins. */
    private final class Units implements Jobs.Work {
        final int units;
        final long unitNanos;
        final CountDownLatch[] begun;

        Units(int units, long unitNanos) {
            this.units = units;
            this.unitNanos = unitNanos;
            this.begun = new CountDownLatch[units];
            for (int i = 0; i < units; i++) {
                begun[i] = new CountDownLatch(1);
            }
        }

        @Override
        public String run(Progress progress) {
            for (int unit = 1; unit <= units; unit++) {
                begun[unit - 1].countDown();
                nanos.addAndGet(unitNanos);
                progress.advanced(unit, units);
            }
            return "run-" + units;
        }
    }

    @Test
    void aJobWaitsAfterItsUnitWhileARequestIsInFlightAndGoesOnWhenItEnds() {
        requests.started();
        Units work = new Units(3, HOUR);
        Job job = submit(0.1, HOUR, work);

        poll(() -> requests.waiting() == 1); // after its first unit, waiting for the request
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.done()).isEqualTo(1);
        assertThat(work.begun[1].getCount()).as("second unit begun").isEqualTo(1);

        requests.finished();
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.done()).isEqualTo(3);
        assertThat(requests.waiting()).isZero();
    }

    @Test
    void withNoRequestInFlightAJobNeverWaits() {
        Units work = new Units(3, HOUR);
        Job job = submit(0.1, HOUR, work);

        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.runId()).isEqualTo("run-3");
    }

    /**
     * Unbroken traffic: the request never ends. A unit of 10 ms at a least share of a half allows
     * a wait of 10 ms (10 x (1 - 0.5) / 0.5) after each unit, so the job still finishes.
     */
    @Test
    void underUnbrokenTrafficAJobKeepsItsLeastShareAndFinishes() {
        requests.started();
        Units work = new Units(3, Duration.ofMillis(10).toNanos());
        Job job = submit(0.5, HOUR, work);

        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.done()).isEqualTo(3);
        assertThat(requests.inFlight()).isEqualTo(1);
    }

    @Test
    void aJobWaitingForARequestIsCancelledAtOnce() {
        requests.started();
        Units work = new Units(3, HOUR);
        Job job = submit(0.1, HOUR, work);
        poll(() -> requests.waiting() == 1);

        jobs.cancel(job);
        poll(() -> requests.waiting() == 0);
        poll(() -> jobs.running() == 0);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.runId()).isNull();
        assertThat(work.begun[1].getCount()).as("second unit begun").isEqualTo(1);
        assertThat(requests.inFlight()).isEqualTo(1);
    }

    @Test
    void aJobWaitingForARequestWhenTheServiceStopsFailsAsServiceStopped() {
        requests.started();
        Units work = new Units(3, HOUR);
        Job job = submit(0.1, HOUR, work);
        poll(() -> requests.waiting() == 1);

        jobs.shutdown(Duration.ZERO);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure()).isEqualTo(Job.SERVICE_STOPPED);
        poll(() -> requests.waiting() == 0);
        assertThat(work.begun[1].getCount()).as("second unit begun").isEqualTo(1);
    }

    @Test
    void aJobThatKeepsAllItsTimeNeverWaits() {
        requests.started();
        Units work = new Units(3, HOUR);
        Job job = submit(1.0, HOUR, work);

        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aRequestCountedTwiceAsFinishedIsABug() {
        requests.started();
        requests.finished();
        assertThatThrownBy(requests::finished).isInstanceOf(IllegalStateException.class);
    }
}
