package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.jobs.HeavyWork;
import org.accord.jobs.JobFilter;
import org.accord.jobs.Job;
import org.accord.jobs.JobRecord;
import org.accord.jobs.JobRecords;
import org.accord.jobs.JobState;
import org.accord.jobs.Jobs;
import org.accord.validation.InputProblem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Job records on every configured database (H2 always, PostgreSQL when ACCORD_TEST_POSTGRES_URL is
 * set): a record reads back as written, a job reads as it ended once the database is reopened by
 * a new service, and a job its service never finished (killed) reads as interrupted, finished when
 * its record was last written.
 */
class JobStoreTest {

    private static final Instant MORNING = Instant.parse("2026-11-30T09:00:00.123456789Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    static List<String> databases() {
        return TestDatabase.configured();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecordReadsBackAsWrittenToTheMicrosecond(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            JobStore store = new JobStore(db.jdbc());
            JobRecord queued = new JobRecord("job-1", "backtest", "key:claims, integrator", JobState.QUEUED, 0, 0,
                    MORNING, null, null, null, List.of(), null);
            store.created(queued);
            assertThat(store.find("job-1")).contains(new JobRecord("job-1", "backtest", "key:claims, integrator",
                    JobState.QUEUED, 0, 0, Instant.parse("2026-11-30T09:00:00.123456Z"), null, null, null, List.of(), null));

            JobRecord refused = new JobRecord("job-1", "backtest", "key:claims, integrator", JobState.FAILED, 0, 548,
                    MORNING, MORNING.plusSeconds(1), MORNING.plusSeconds(2), "2 problems in the backtest request",
                    List.of(new InputProblem("/backtest/file/row 3", "is not a number: \"12,5\""),
                            new InputProblem("/backtest/layout", "names no layout 'pufx'")), null);
            store.changed(refused, MORNING.plusSeconds(2));
            JobRecord read = store.find("job-1").orElseThrow();
            assertThat(read.state()).isEqualTo(JobState.FAILED);
            assertThat(read.total()).isEqualTo(548);
            assertThat(read.startedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:01.123456Z"));
            assertThat(read.failure()).isEqualTo("2 problems in the backtest request");
            assertThat(read.problems()).isEqualTo(refused.problems());

            assertThat(store.find("no-such-job")).isEmpty();
            assertThatThrownBy(() -> store.changed(new JobRecord("never-made", "sweep", "x", JobState.RUNNING, 0, 0, MORNING,
                    MORNING, null, null, List.of(), null), MORNING)).hasMessageContaining("no record of job never-made");
        }
    }

    /** GET /api/v1/jobs reads its pages from here: newest first, ties broken by id, so that pages neither overlap nor skip. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsAreListedNewestFirstByCallerAndStateOnePageAtATime(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            JobStore store = new JobStore(db.jdbc());
            // c and b were made at the same microsecond: b after c by id, descending
            List<JobRecord> made = List.of(
                    record("a", "key:desk", JobState.SUCCEEDED, MORNING),
                    record("c", "key:desk", JobState.FAILED, MORNING.plusSeconds(1)),
                    record("b", "key:other", JobState.QUEUED, MORNING.plusSeconds(1)),
                    record("d", "key:desk", JobState.RUNNING, MORNING.plusSeconds(2)));
            made.forEach(store::created);

            assertThat(store.list(JobFilter.all(), 50, 0)).extracting(JobRecord::id).containsExactly("d", "c", "b", "a");
            assertThat(store.count(JobFilter.all())).isEqualTo(4);
            assertThat(store.list(JobFilter.all(), 2, 0)).extracting(JobRecord::id).containsExactly("d", "c");
            assertThat(store.list(JobFilter.all(), 2, 2)).extracting(JobRecord::id).containsExactly("b", "a");
            assertThat(store.list(JobFilter.all(), 2, 4)).isEmpty();

            JobFilter desk = JobFilter.all().byCaller("key:desk");
            assertThat(store.list(desk, 50, 0)).extracting(JobRecord::id).containsExactly("d", "c", "a");
            assertThat(store.count(desk)).isEqualTo(3);
            JobFilter deskUnfinished = new JobFilter("key:desk", java.util.Set.of(JobState.RUNNING, JobState.QUEUED));
            assertThat(store.list(deskUnfinished, 50, 0)).extracting(JobRecord::id).containsExactly("d");
            JobFilter ended = new JobFilter(null, java.util.Set.of(JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED));
            assertThat(store.list(ended, 50, 0)).extracting(JobRecord::id).containsExactly("c", "a");
            assertThat(store.count(ended)).isEqualTo(2);
            assertThat(store.list(new JobFilter("key:nobody", java.util.Set.of()), 50, 0)).isEmpty();
            // a listed record reads as find reads it
            assertThat(store.list(JobFilter.all(), 1, 3)).containsExactly(store.find("a").orElseThrow());
        }
    }

    /**
     * The list holds every job recorded, not only those still in memory: a finished job that
     * accord.jobs.keep-finished has let go of (here at once) is listed from its record, as it is
     * found, and so is a job of a process before a restart.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobsAreListedFromTheirRecordsAfterMemoryLetsThemGoAndAfterARestart(String kind, @TempDir Path directory) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            Jobs forgetful = new Jobs(new HeavyWork(2), 5, Duration.ofMinutes(1), Duration.ZERO, Clock.systemUTC(), new JobStore(db.jdbc()));
            Job first = forgetful.submit("sweep", "key:desk", progress -> null);
            awaitFinal(first);
            Job second = forgetful.submit("sweep", "key:desk", progress -> null); // forgets the first
            awaitFinal(second);

            List<Job> listed = forgetful.list(JobFilter.all(), 50, 0);
            assertThat(listed).extracting(Job::id).containsExactly(second.id(), first.id());
            assertThat(listed.get(0)).as("a job still in memory is listed as itself").isSameAs(second);
            assertThat(listed.get(1)).as("a job let go is read from its record").isNotSameAs(first);
            assertThat(listed.get(1).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(listed.get(1).finishedAt()).isEqualTo(first.finishedAt());
            forgetful.shutdown(Duration.ZERO);
            db.reopen();

            Jobs restarted = jobs(new JobStore(db.jdbc()));
            assertThat(restarted.list(JobFilter.all().byCaller("key:desk"), 1, 1)).extracting(Job::id).containsExactly(first.id());
            assertThat(restarted.count(JobFilter.all())).isEqualTo(2);
        }
    }

    private static JobRecord record(String id, String caller, JobState state, Instant made) {
        return new JobRecord(id, "sweep", caller, state, 0, 0, made, null, null, null, List.of(), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFinishedJobReadsAsItEndedWhenANewServiceOpensTheDatabase(String kind, @TempDir Path directory) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            String runId = new RunStore(db.jdbc(), db.transactions(), Clock.fixed(MORNING, ZoneOffset.UTC)).save(
                    new NewRun("simulate", "key:tests, negotiator", "mssp-basic", "valley-ipa", 2025, null, null, null, null,
                            "{}", "{}")).id();
            Jobs first = jobs(new JobStore(db.jdbc()));
            Job ran = first.submit("simulate", "key:tests, negotiator", progress -> {
                progress.advanced(300, 300);
                return runId;
            });
            awaitFinal(ran);
            first.shutdown(Duration.ZERO);
            db.reopen();

            Job read = jobs(new JobStore(db.jdbc())).find(ran.id()).orElseThrow();
            assertThat(read.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(read.runId()).isEqualTo(runId);
            assertThat(read.done()).isEqualTo(300);
            assertThat(read.total()).isEqualTo(300);
            assertThat(read.caller()).isEqualTo("key:tests, negotiator");
            assertThat(read.finishedAt()).isNotNull().isAfterOrEqualTo(read.startedAt());
            // Its times as they were before the restart, not cut to the store's microseconds then (found from outside).
            assertThat(List.of(read.createdAt(), read.startedAt(), read.finishedAt()))
                    .isEqualTo(List.of(ran.createdAt(), ran.startedAt(), ran.finishedAt()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobsRunningOrQueuedWhenTheServiceWasKilledReadAsInterrupted(String kind, @TempDir Path directory) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate();
            Killable store = new Killable(new JobStore(db.jdbc()));
            Jobs killed = new Jobs(new HeavyWork(1), 5, Duration.ofMinutes(1), Duration.ofHours(1), Clock.systemUTC(), store);
            AtomicBoolean release = new AtomicBoolean();
            Job running = killed.submit("sweep", "a", progress -> {
                for (long done = 1; !release.get(); done++) {
                    progress.advanced(done, 1_000_000);
                    Thread.onSpinWait();
                }
                return null;
            });
            Job queued = killed.submit("sweep", "a", progress -> null);
            long end = System.nanoTime() + DEADLINE.toNanos();
            // Under way, not only RUNNING: the service writes the start after the state changes in
            // memory and before the work runs, so a kill between the two would lose the start.
            while (running.state() != JobState.RUNNING || running.done() == 0) {
                assertThat(System.nanoTime()).as("the first job never started").isLessThan(end);
                Thread.sleep(10);
            }
            // Its progress is recorded while it runs (every second): wait for the first such write.
            JobStore reader = new JobStore(db.jdbc());
            while (reader.find(running.id()).orElseThrow().done() == 0) {
                assertThat(System.nanoTime()).as("the running job's progress never recorded").isLessThan(end);
                Thread.sleep(50);
            }
            store.kill(); // from here the first service writes nothing, as if its process had ended
            long doneAtTheKill = running.done();
            Instant runningLastWritten = store.lastWritten.get(running.id());
            Instant restart = Instant.now().plus(Duration.ofHours(1));
            try {
                Jobs restarted = jobs(new JobStore(db.jdbc()), Clock.fixed(restart, ZoneOffset.UTC));
                for (Job job : List.of(running, queued)) {
                    Job read = restarted.find(job.id()).orElseThrow();
                    assertThat(read.state()).as(job.kind()).isEqualTo(JobState.FAILED);
                    assertThat(read.failure()).isEqualTo("interrupted: the service stopped");
                    assertThat(read.finishedAt()).isNotNull();
                }
                assertThat(restarted.find(running.id()).orElseThrow().startedAt()).isNotNull();
                // How far it got, as last recorded (it read "done 0" after the restart: found from outside).
                Job interrupted = restarted.find(running.id()).orElseThrow();
                assertThat(interrupted.done()).isPositive().isLessThanOrEqualTo(doneAtTheKill);
                assertThat(interrupted.total()).isEqualTo(1_000_000);
                assertThat(restarted.find(queued.id()).orElseThrow().startedAt()).isNull();
                // Finished when last known alive, its last progress record; the restart's time said it ran until then.
                assertThat(interrupted.finishedAt()).isEqualTo(runningLastWritten).isAfter(interrupted.startedAt()).isBefore(restart);
                // A job still queued was last recorded when it was made.
                assertThat(restarted.find(queued.id()).orElseThrow().finishedAt()).isEqualTo(queued.createdAt());
            } finally {
                release.set(true);
                killed.shutdown(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * A job record written before V7 has no time of its last writing: a job interrupted then reads as finished when it
     * was last known to be alive, its start (running) or its making (queued), not at the restart.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aJobInterruptedBeforeItsRecordKeptWhenItWasWrittenFinishesWhenItStartedOrWasMade(String kind, @TempDir Path directory) {
        try (TestDatabase db = TestDatabase.create(kind, directory)) {
            db.migrate("6");
            String insert = "INSERT INTO job_record (id, kind, caller, state, done_count, total_count, created_at, started_at)"
                    + " VALUES (?, 'sweep', 'a', ?, 0, 0, ?, ?)";
            java.time.OffsetDateTime made = MORNING.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            db.jdbc().sql(insert).params("was-running", "running", made, made.plusSeconds(5)).update();
            db.jdbc().sql(insert).params("was-queued", "queued", made.plusSeconds(6), null).update();
            db.migrate();

            Jobs restarted = jobs(new JobStore(db.jdbc()), Clock.fixed(MORNING.plus(Duration.ofDays(1)), ZoneOffset.UTC));

            Job running = restarted.find("was-running").orElseThrow();
            assertThat(running.failure()).isEqualTo("interrupted: the service stopped");
            assertThat(running.finishedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:05.123456Z"));
            assertThat(restarted.find("was-queued").orElseThrow().finishedAt()).isEqualTo(Instant.parse("2026-11-30T09:00:06.123456Z"));
        }
    }

    private static Jobs jobs(JobRecords records) {
        return jobs(records, Clock.systemUTC());
    }

    private static Jobs jobs(JobRecords records, Clock clock) {
        return new Jobs(new HeavyWork(2), 5, Duration.ofMinutes(1), Duration.ofHours(1), clock, records);
    }

    private static void awaitFinal(Job job) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!job.state().isFinal()) {
            assertThat(System.nanoTime()).as("job still %s", job.state().word()).isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** Records that stop being written at once, as when the process writing them is killed. */
    private static final class Killable implements JobRecords {

        private final JobRecords records;
        private volatile boolean killed;
        /** When each job's record was last changed, by its id. */
        final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

        Killable(JobRecords records) {
            this.records = records;
        }

        void kill() {
            killed = true;
        }

        @Override
        public void created(JobRecord job) {
            if (!killed) {
                records.created(job);
            }
        }

        @Override
        public void changed(JobRecord job, Instant at) {
            if (!killed) {
                records.changed(job, at);
                lastWritten.put(job.id(), at);
            }
        }

        @Override
        public Optional<JobRecord> find(String id) {
            return records.find(id);
        }

        @Override
        public List<JobRecord> list(JobFilter filter, int limit, int offset) {
            return records.list(filter, limit, offset);
        }

        @Override
        public long count(JobFilter filter) {
            return records.count(filter);
        }

        @Override
        public int failUnfinished(String reason) {
            return killed ? 0 : records.failUnfinished(reason);
        }
    }
}
