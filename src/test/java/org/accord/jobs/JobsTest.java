package org.accord.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.accord.engine.DecisionTables;
import org.accord.engine.Progress;
import org.accord.engine.UploadedTables;
import org.accord.testing.LoggedEvents;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job machinery with stand-in work: work that reports progress in steps and waits for the
 * test between steps, so every state is reached on purpose, never by timing.
 */
class JobsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private Jobs jobs = new Jobs(new HeavyWork(1), 2, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC());

    @AfterEach
    void stop() {
        jobs.shutdown(Duration.ofSeconds(1));
    }

    /** Work of {@code steps} steps that reports after each and waits at the gate after the first. */
    private static final class SteppedWork implements Jobs.Work {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final int steps;

        SteppedWork(int steps) {
            this.steps = steps;
            if (steps == 1) {
                gate.countDown(); // one step: nothing to wait for
            }
        }

        @Override
        public String run(Progress progress) {
            started.countDown();
            progress.advanced(1, steps);
            await(gate);
            for (int done = 2; done <= steps; done++) {
                progress.advanced(done, steps);
            }
            return "run-" + steps;
        }
    }

    @Test
    void aJobRunsReportsItsProgressAndEndsWithItsStoredRun() {
        SteppedWork work = new SteppedWork(4);
        Job job = jobs.submit("simulate", "key:desk", work);
        await(work.started);
        poll(() -> job.done() == 1);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.total()).isEqualTo(4);
        assertThat(jobs.running()).isEqualTo(1);

        work.gate.countDown();
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.runId()).isEqualTo("run-4");
        assertThat(job.done()).isEqualTo(4);
        assertThat(job.startedAt()).isNotNull();
        assertThat(job.finishedAt()).isAfterOrEqualTo(job.startedAt());
        assertThat(jobs.finished(JobState.SUCCEEDED)).isEqualTo(1);
        assertThat(jobs.find(job.id())).containsSame(job);
    }

    @Test
    void aRunningJobCancelledStopsAtItsNextReportAndStoresNothing() {
        SteppedWork work = new SteppedWork(3);
        Job job = jobs.submit("sweep", "key:desk", work);
        await(work.started);
        jobs.cancel(job);
        assertThat(job.state()).as("running until the work reports again").isEqualTo(JobState.RUNNING);
        work.gate.countDown();
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(job.runId()).isNull();
        assertThat(jobs.finished(JobState.CANCELLED)).isEqualTo(1);
    }

    @Test
    void aQueuedJobWaitsForTheSlotAndCancelledNeverStarts() {
        SteppedWork first = new SteppedWork(2);
        Job running = jobs.submit("simulate", "key:desk", first);
        await(first.started);
        SteppedWork second = new SteppedWork(2);
        Job queued = jobs.submit("simulate", "key:desk", second);
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.queued()).isEqualTo(1);

        jobs.cancel(queued);
        assertThat(queued.state()).isEqualTo(JobState.CANCELLED);
        first.gate.countDown();
        poll(() -> running.state().isFinal());
        assertThat(second.started.getCount()).as("the cancelled job's work never ran").isEqualTo(1);
    }

    @Test
    void aFullQueueRefusesMoreWork() {
        SteppedWork first = new SteppedWork(2);
        jobs.submit("simulate", "key:desk", first);
        await(first.started);
        jobs.submit("simulate", "key:desk", new SteppedWork(1));
        jobs.submit("simulate", "key:desk", new SteppedWork(1));
        assertThatThrownBy(() -> jobs.submit("simulate", "key:desk", new SteppedWork(1))).isInstanceOf(Jobs.QueueFull.class)
                .hasMessageContaining("2 jobs wait");
        first.gate.countDown();
    }

    @Test
    void aCallerAtItsLimitIsRefusedWhileOthersAreQueuedAndFreedWhenOneFinishes() {
        jobs = new Jobs(new HeavyWork(1), 5, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC()).perCaller(2);
        SteppedWork first = new SteppedWork(2);
        jobs.submit("simulate", "key:desk", first);
        await(first.started);
        jobs.submit("simulate", "key:desk", new SteppedWork(1)); // queued: the desk's second

        assertThatThrownBy(() -> jobs.submit("simulate", "key:desk", new SteppedWork(1))).isInstanceOf(Jobs.CallerAtLimit.class)
                .hasMessageContaining("you have 2 jobs queued or running");
        assertThat(jobs.submit("simulate", "key:claims", new SteppedWork(1)).state()).isEqualTo(JobState.QUEUED);
        assertThat(jobs.queued()).isEqualTo(2);

        first.gate.countDown();
        poll(() -> jobs.queued() == 0 && jobs.running() == 0);
        assertThat(jobs.submit("simulate", "key:desk", new SteppedWork(1))).isNotNull();
    }

    @Test
    void aSynchronousRequestHoldingTheOnlySlotKeepsJobsQueued() {
        HeavyWork heavy = new HeavyWork(1);
        jobs = new Jobs(heavy, 2, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC());
        assertThat(heavy.tryStart()).isTrue();
        SteppedWork work = new SteppedWork(1);
        Job job = jobs.submit("simulate", "key:desk", work);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        heavy.finish();
        poll(() -> job.state() == JobState.SUCCEEDED);
    }

    @Test
    void aJobPastItsBudgetFailsSayingSo() {
        jobs = new Jobs(new HeavyWork(1), 2, Duration.ofMillis(1), Duration.ofHours(1), Clock.systemUTC());
        Job job = jobs.submit("backtest", "key:desk", progress -> {
            long start = System.nanoTime();
            while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(5)) {
                Thread.onSpinWait(); // past the 1 ms budget before the first report
            }
            progress.advanced(1, 2);
            return "never";
        });
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure()).isEqualTo("did not finish within its time budget of 0.001 s");
    }

    @Test
    void aRequestTheWorkRefusesFailsTheJobWithEachProblem() {
        Job job = jobs.submit("simulate", "key:desk", progress -> {
            throw new InvalidInputException(List.of(new InputProblem("/trials", "too many")));
        });
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        // pointed into the job's own request, where the work sits under its name
        assertThat(job.problems()).containsExactly(new InputProblem("/simulate/trials", "too many"));
        assertThat(job.failure()).isEqualTo("1 problem in the simulate request");
    }

    /**
     * An uploaded table's mistake is the client's, as a request's 422 says: the job read "the server could not
     * finish the work: NoAnswer" and logged it at ERROR with a trace. A template naming this table is refused at
     * publication now (it declares fewer beneficiaries than the shipped table), so the table is built in directly.
     */
    @Test
    void aJobWhoseUploadedTableGivesNoAnswerFailsNamingTheTableAndTheInputAndLogsNoError() throws IOException {
        DecisionTables tables = UploadedTables.replacingTheMinimumSavingsRate(
                Files.readString(Path.of("src/test/resources/uploads/msr-up-to-5000.dmn")));
        LoggedEvents<Job> run = LoggedEvents.during(() -> {
            Job job = jobs.submit("compare", "key:desk", progress -> {
                tables.numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 6000);
                return "never";
            });
            poll(() -> job.state().isFinal());
            return job;
        });
        Job job = run.result();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure()).isEqualTo("decision table 'Minimum savings rate by assigned population' has no rule for"
                + " Assigned beneficiaries 6000; no settlement is made with it");
        assertThat(run.atLeastOrWithATrace(Level.ERROR)).isEmpty();
    }

    /**
     * A table's mistake named at the field that brought the table in (the API names the contract's template or
     * stored version) is the job's error, pointed under the work's name as the request's problems are; its failure
     * still names the table. It named no field (found from outside).
     */
    @Test
    void aJobWhoseTableHasNoRuleForTheIpasCountNamesTheFieldThatBroughtTheTableIn() throws IOException {
        DecisionTables tables = UploadedTables.replacingTheMinimumSavingsRate(
                Files.readString(Path.of("src/test/resources/uploads/msr-up-to-5000.dmn")));
        Job job = jobs.submit("compare", "key:desk", progress -> {
            try {
                tables.numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 6000);
            } catch (DecisionTables.TableMistake mistake) {
                throw mistake.at("/proposals/0/templateId", "template 'msr-up-to-5000' answers with it, which " + mistake.what());
            }
            return "never";
        });
        poll(() -> job.state().isFinal());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failure()).isEqualTo("decision table 'Minimum savings rate by assigned population' has no rule for"
                + " Assigned beneficiaries 6000; no settlement is made with it");
        assertThat(job.problems()).containsExactly(new InputProblem("/compare/proposals/0/templateId", "template 'msr-up-to-5000'"
                + " answers with it, which has no rule for Assigned beneficiaries 6000; no settlement is made with it"));
    }

    @Test
    void atShutdownQueuedJobsFailAndRunningOnesFinishWithinTheGrace() {
        SteppedWork work = new SteppedWork(2);
        Job running = jobs.submit("simulate", "key:desk", work);
        await(work.started);
        Job queued = jobs.submit("simulate", "key:desk", new SteppedWork(1));
        Thread release = new Thread(() -> {
            poll(() -> queued.state().isFinal()); // shutdown has begun
            work.gate.countDown();
        });
        release.start();
        jobs.shutdown(DEADLINE);
        assertThat(queued.state()).isEqualTo(JobState.FAILED);
        assertThat(queued.failure()).isEqualTo(Job.SERVICE_STOPPED);
        assertThat(running.state()).isEqualTo(JobState.SUCCEEDED);
        assertThatThrownBy(() -> jobs.submit("simulate", "key:desk", new SteppedWork(1))).isInstanceOf(Jobs.NotAccepting.class);
    }

    @Test
    void atShutdownAJobStillRunningAfterTheGraceFailsAsServiceStopped() {
        SteppedWork work = new SteppedWork(2);
        Job running = jobs.submit("simulate", "key:desk", work);
        await(work.started);
        Thread release = new Thread(() -> {
            poll(() -> running.state().isFinal()); // failed by the shutdown while the work still waits
            work.gate.countDown();
        });
        release.start();
        jobs.shutdown(Duration.ofMillis(50));
        assertThat(running.state()).isEqualTo(JobState.FAILED);
        assertThat(running.failure()).isEqualTo(Job.SERVICE_STOPPED);
        assertThat(running.runId()).isNull();
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("not reached within " + DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls until the condition holds, failing after the deadline. */
    static void poll(BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + DEADLINE);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
