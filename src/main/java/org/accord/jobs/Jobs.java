package org.accord.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.engine.DecisionTables;
import org.accord.engine.Progress;
import org.accord.validation.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of one server. A job waits in a bounded queue until a worker takes it and a slot of
 * the server's {@link HeavyWork} is free, then runs with its time budget; its work stores its
 * own result and answers the stored run's id. Finished jobs are kept in memory for a while; every
 * job's record is written to {@link JobRecords} when it is made, starts and ends, and its progress
 * every second while it runs, so that it is read from there afterwards, after a restart too. Thread-safe.
 */
public final class Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    /** Jobs kept at most, finished or not, so that a flood of small jobs cannot fill the memory. */
    static final int MAX_KEPT = 10_000;
    /** How often a running job's progress is written to its record. */
    static final Duration PROGRESS_RECORDED_EVERY = Duration.ofSeconds(1);

    /** The work of one job: runs, reporting to progress, stores its result and answers the run's id. */
    @FunctionalInterface
    public interface Work {
        String run(Progress progress);
    }

    /** The queue is full: nothing was queued. */
    public static final class QueueFull extends RuntimeException {
        QueueFull(int capacity) {
            super("the job queue is full (" + capacity + " jobs wait for a free slot)", null, false, false);
        }
    }

    /** The caller already has as many jobs queued or running as one caller may: nothing was queued. */
    public static final class CallerAtLimit extends RuntimeException {
        CallerAtLimit(int limit) {
            super("you have " + limit + " jobs queued or running, as many as one caller may have at once"
                    + " (accord.jobs.per-caller), so that one caller cannot fill the queue", null, false, false);
        }
    }

    /** The service is stopping and takes no new jobs. */
    public static final class NotAccepting extends RuntimeException {
        NotAccepting() {
            super("the service is stopping and takes no new jobs", null, false, false);
        }
    }

    private final HeavyWork heavy;
    private final int queueCapacity;
    private final Duration jobBudget;
    private final Duration keepFinished;
    private final Clock clock;
    private final JobRecords records;
    private final GivingWay way;
    private final ThreadPoolExecutor workers;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<JobState, AtomicLong> finished = Map.of(JobState.SUCCEEDED, new AtomicLong(),
            JobState.FAILED, new AtomicLong(), JobState.CANCELLED, new AtomicLong());
    private volatile boolean accepting = true;
    private volatile int perCaller = Integer.MAX_VALUE;

    /**
     * @param heavy         the slots heavy work takes; as many workers as slots
     * @param queueCapacity jobs that may wait for a worker; beyond, {@link QueueFull}
     * @param jobBudget     how long one job may run
     * @param keepFinished  how long a finished job stays readable
     */
    public Jobs(HeavyWork heavy, int queueCapacity, Duration jobBudget, Duration keepFinished, Clock clock) {
        this(heavy, queueCapacity, jobBudget, keepFinished, clock, JobRecords.NONE);
    }

    /**
     * Jobs whose records are kept. The server has one: a job its records show queued or running
     * belonged to a process that ended without finishing it (killed, or crashed), so it is failed
     * now as {@value Job#INTERRUPTED}, finished when its record was last written: the last time it
     * was known alive, not now. (One service per database: a second one sharing it would
     * fail the first one's running jobs when it starts.)
     */
    public Jobs(HeavyWork heavy, int queueCapacity, Duration jobBudget, Duration keepFinished, Clock clock, JobRecords records) {
        this(heavy, queueCapacity, jobBudget, keepFinished, clock, records, GivingWay.NEVER);
    }

    /**
     * Jobs whose records are kept and that give way to interactive requests: while any of
     * {@code interactive} is in flight, a running job's threads wait between units of work,
     * keeping at least {@code leastShare} of their time (see {@link GivingWay}).
     *
     * @param leastShare above 0 and at most 1; 1 never waits
     */
    public Jobs(HeavyWork heavy, int queueCapacity, Duration jobBudget, Duration keepFinished, Clock clock, JobRecords records,
                InteractiveRequests interactive, double leastShare) {
        this(heavy, queueCapacity, jobBudget, keepFinished, clock, records, new GivingWay(interactive, leastShare));
    }

    Jobs(HeavyWork heavy, int queueCapacity, Duration jobBudget, Duration keepFinished, Clock clock, JobRecords records, GivingWay way) {
        this.way = way;
        this.heavy = heavy;
        this.queueCapacity = queueCapacity;
        this.jobBudget = jobBudget;
        this.keepFinished = keepFinished;
        // Times to the microsecond, as the store keeps them: a job reads the same after a restart.
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
        this.records = records;
        int interrupted = records.failUnfinished(Job.INTERRUPTED);
        if (interrupted > 0) {
            LOG.warn("{} jobs of the previous process had not finished: failed as \"{}\"", interrupted, Job.INTERRUPTED);
        }
        AtomicInteger numbers = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(heavy.limit(), heavy.limit(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "accord-job-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** At most {@code limit} jobs of one caller queued or running at once; unlimited unless set. */
    public Jobs perCaller(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a caller may have at least one job, not " + limit);
        }
        this.perCaller = limit;
        return this;
    }

    /**
     * Queues work as a job.
     *
     * @throws QueueFull     when the queue is full
     * @throws CallerAtLimit when the caller already has {@link #perCaller} jobs queued or running
     * @throws NotAccepting  when the service is stopping
     */
    public Job submit(String kind, String caller, Work work) {
        if (!accepting) {
            throw new NotAccepting();
        }
        // One at a time, so that two jobs of one caller cannot both pass its limit.
        synchronized (this) {
            forgetOldJobs();
            if (unfinishedOf(caller) >= perCaller) {
                throw new CallerAtLimit(perCaller);
            }
            return queue(kind, caller, work);
        }
    }

    private long unfinishedOf(String caller) {
        return jobs.values().stream().filter(job -> job.caller().equals(caller) && !job.state().isFinal()).count();
    }

    private Job queue(String kind, String caller, Work work) {
        Job job = new Job(UUID.randomUUID().toString(), kind, caller, jobBudget, clock);
        // Holding the job, its worker cannot start it (nor write its record) before the record exists.
        synchronized (job) {
            jobs.put(job.id(), job);
            try {
                workers.execute(() -> run(job, work));
            } catch (RejectedExecutionException e) {
                jobs.remove(job.id());
                if (!accepting) {
                    throw new NotAccepting();
                }
                throw new QueueFull(queueCapacity);
            }
            try {
                records.created(job.record());
            } catch (RuntimeException e) {
                job.failed("the service could not record the job", List.of()); // its worker will not start it
                jobs.remove(job.id());
                throw e;
            }
        }
        return job;
    }

    /** A job of this process, or one whose record an earlier process left. */
    public Optional<Job> find(String id) {
        Job known = jobs.get(id);
        return known != null ? Optional.of(known) : records.find(id).map(Job::restored);
    }

    /**
     * The jobs whose records match the filter, newest first, {@code limit} of them after skipping
     * {@code offset}: every job recorded, this process's and earlier ones'. A job of this process
     * reads as it is now (its progress is recorded at most once a second), as {@link #find} reads it.
     */
    public List<Job> list(JobFilter filter, int limit, int offset) {
        return records.list(filter, limit, offset).stream().map(record -> {
            Job known = jobs.get(record.id());
            return known != null ? known : Job.restored(record);
        }).toList();
    }

    /** How many jobs' records match the filter. */
    public long count(JobFilter filter) {
        return records.count(filter);
    }

    /** Cancels the job; a finished job is left as it is. */
    public void cancel(Job job) {
        if (job.state().isFinal()) {
            return;
        }
        job.cancel();
        way.requests().wake(); // a job waiting for requests to end stops now
        recordChange(job);
        countIfFinished(job);
    }

    private void run(Job job, Work work) {
        try {
            heavy.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.stopped(Job.SERVICE_STOPPED);
            recordChange(job);
            countIfFinished(job);
            return;
        }
        try {
            if (!job.start()) {
                return; // cancelled, or failed at shutdown, while it waited
            }
            running.incrementAndGet();
            recordChange(job);
            try {
                job.succeeded(work.run(recordedEvery(PROGRESS_RECORDED_EVERY, job, job.progress(way))));
            } catch (WorkStopped stopped) {
                job.stopped(stopped.getMessage());
            } catch (InvalidInputException refused) {
                // Pointed under the work's name in the job's request, as the problems found when it was made are.
                int count = refused.problems().size();
                job.failed(count + (count == 1 ? " problem" : " problems") + " in the " + job.kind() + " request",
                        refused.problems().stream().map(problem -> problem.prefixed("/" + job.kind())).toList());
            } catch (DecisionTables.TableMistake mistake) {
                // An uploaded table's mistake, not the server's: said as the request would be answered (a 422), without a trace,
                // at the field that brought the table in, under the work's name as the request's problems are.
                LOG.warn("job {} ({}): {}", job.id(), job.kind(), mistake.getMessage());
                job.failed(mistake.getMessage(), mistake.prefixed("/" + job.kind()).problem().map(List::of).orElse(List.of()));
            } catch (RuntimeException | Error unexpected) {
                LOG.error("job {} ({}) failed", job.id(), job.kind(), unexpected);
                job.failed("the server could not finish the work: " + unexpected.getClass().getSimpleName(), List.of());
            } finally {
                running.decrementAndGet();
                recordChange(job);
                countIfFinished(job);
            }
        } finally {
            heavy.finish();
        }
    }

    /**
     * Progress also written to the job's record, at most once a period: a job its process never
     * finished (killed) then reads how far it got, not nothing done. Reports come from several
     * threads of one simulation; one of them writes.
     */
    private Progress recordedEvery(Duration period, Job job, Progress progress) {
        AtomicLong nextWrite = new AtomicLong(System.nanoTime() + period.toNanos());
        return (done, total) -> {
            progress.advanced(done, total);
            long due = nextWrite.get();
            long now = System.nanoTime();
            if (now - due >= 0 && nextWrite.compareAndSet(due, now + period.toNanos())) {
                recordChange(job);
            }
        };
    }

    /**
     * Stops taking jobs; queued jobs fail at once, running ones may finish within the grace
     * period. After it, running jobs are told to stop at their next report, and any still not
     * finished is marked failed: no job is left running when this returns.
     */
    public void shutdown(Duration grace) {
        accepting = false;
        workers.shutdown();
        for (Job job : jobs.values()) {
            if (job.state() == JobState.QUEUED) {
                job.failed(Job.SERVICE_STOPPED, List.of());
                recordChange(job);
                countIfFinished(job);
            }
        }
        if (!awaitWorkers(grace)) {
            jobs.values().forEach(Job::stopForShutdown);
            way.requests().wake();
            awaitWorkers(Duration.ofSeconds(2));
            for (Job job : jobs.values()) {
                if (!job.state().isFinal()) {
                    job.failed(Job.SERVICE_STOPPED, List.of());
                    recordChange(job);
                    countIfFinished(job);
                }
            }
            workers.shutdownNow();
        }
    }

    /**
     * Writes the job's record as it reads now. Under the job's lock, so that two threads noticing
     * changes (a cancel, the worker's end) write in the order the changes happened. A record that
     * cannot be written is logged: the job itself goes on, as it is in memory.
     */
    private void recordChange(Job job) {
        synchronized (job) {
            try {
                records.changed(job.record(), clock.instant());
            } catch (RuntimeException e) {
                LOG.error("job {}'s record could not be written ({})", job.id(), job.state().word(), e);
            }
        }
    }

    private boolean awaitWorkers(Duration time) {
        try {
            return workers.awaitTermination(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Jobs waiting for a worker or a slot. */
    public long queued() {
        return jobs.values().stream().filter(job -> job.state() == JobState.QUEUED).count();
    }

    public int running() {
        return running.get();
    }

    /** Jobs that reached the final state since the server started. */
    public long finished(JobState state) {
        return finished.get(state).get();
    }

    private final Map<String, Boolean> counted = new ConcurrentHashMap<>();

    /** Counts a job that has just reached its final state (once, whoever noticed it first). */
    private void countIfFinished(Job job) {
        JobState now = job.state();
        if (now.isFinal() && counted.putIfAbsent(job.id(), Boolean.TRUE) == null) {
            finished.get(now).incrementAndGet();
        }
    }

    private void forgetOldJobs() {
        Instant cutoff = clock.instant().minus(keepFinished);
        jobs.values().removeIf(job -> job.state().isFinal() && job.finishedAt().isBefore(cutoff));
        if (jobs.size() >= MAX_KEPT) {
            jobs.values().stream().filter(job -> job.state().isFinal()).sorted(java.util.Comparator.comparing(Job::finishedAt))
                    .limit(jobs.size() - MAX_KEPT + 1L).toList().forEach(job -> jobs.remove(job.id()));
        }
        counted.keySet().retainAll(jobs.keySet());
    }
}
