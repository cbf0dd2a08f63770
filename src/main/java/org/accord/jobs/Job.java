package org.accord.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accord.engine.Progress;
import org.accord.validation.InputProblem;

/**
 * One piece of long work and what is known of it. Its state only moves forward (queued, running,
 * then one final state), under the job's own lock, so a late report from a worker never undoes a
 * cancellation or the service's verdict at shutdown. Read by any thread.
 */
public final class Job {

    static final String SERVICE_STOPPED = "service stopped before the job finished";
    /** Why a job that was queued or running when the process ended (killed, crashed) reads as failed after a restart. */
    static final String INTERRUPTED = "interrupted: the service stopped";

    private final String id;
    private final String kind;
    private final String caller;
    private final Instant createdAt;
    private final Duration budget;
    private final Clock clock;

    private JobState state = JobState.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private volatile long done;
    private volatile long total;
    private String failure;
    private List<InputProblem> problems = List.of();
    private String runId;
    private volatile boolean cancelRequested;
    private volatile boolean serviceStopping;

    Job(String id, String kind, String caller, Duration budget, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.caller = caller;
        this.budget = budget;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    /** A job of an earlier process, as its record left it: final, so nothing runs or changes it. */
    static Job restored(JobRecord record) {
        Job job = new Job(record.id(), record.kind(), record.caller(), Duration.ZERO, Clock.fixed(record.createdAt(), java.time.ZoneOffset.UTC));
        job.state = record.state();
        job.startedAt = record.startedAt();
        job.finishedAt = record.finishedAt();
        job.done = record.done();
        job.total = record.total();
        job.failure = record.failure();
        job.problems = record.problems();
        job.runId = record.runId();
        return job;
    }

    /** What the job's record says now. */
    synchronized JobRecord record() {
        return new JobRecord(id, kind, caller, state, done, total, createdAt, startedAt, finishedAt, failure, problems, runId);
    }

    public String id() {
        return id;
    }

    /** The work: {@code simulate}, {@code sweep}, {@code compare}, {@code backtest}. */
    public String kind() {
        return kind;
    }

    /** Who made the job, as stored runs name callers. */
    public String caller() {
        return caller;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public synchronized JobState state() {
        return state;
    }

    public synchronized Instant startedAt() {
        return startedAt;
    }

    public synchronized Instant finishedAt() {
        return finishedAt;
    }

    public long done() {
        return done;
    }

    public long total() {
        return total;
    }

    /** Why a failed job failed. */
    public synchronized String failure() {
        return failure;
    }

    /** For a job whose request the work refused: each problem, pointing into the work's request. */
    public synchronized List<InputProblem> problems() {
        return problems;
    }

    /** The stored run holding a succeeded job's result. */
    public synchronized String runId() {
        return runId;
    }

    /**
     * What the work reports to: counts its progress, gives way to interactive requests (between
     * units of work, within the bound of {@code way}), and stops it (at that report) once the job
     * is cancelled, the service is stopping, or its budget is spent.
     */
    Progress progress(GivingWay way) {
        GivingWay.Point point = way.start(() -> cancelRequested || serviceStopping);
        Progress counting = (doneNow, totalNow) -> {
            stopIfAsked();
            total = totalNow;
            done = Math.max(done, doneNow); // threads of one simulation may report out of order
            point.giveWay();
            stopIfAsked();
        };
        return new TimeBudget(budget, counting);
    }

    private void stopIfAsked() {
        if (cancelRequested) {
            throw new WorkStopped("cancelled");
        }
        if (serviceStopping) {
            throw new WorkStopped(SERVICE_STOPPED);
        }
    }

    /** Marks the job running, unless it was cancelled (or failed at shutdown) while queued. */
    synchronized boolean start() {
        if (state != JobState.QUEUED) {
            return false;
        }
        state = JobState.RUNNING;
        startedAt = clock.instant();
        return true;
    }

    synchronized void succeeded(String storedRunId) {
        if (finish(JobState.SUCCEEDED)) {
            this.runId = storedRunId;
            this.done = total;
        }
    }

    synchronized void failed(String reason, List<InputProblem> inputProblems) {
        if (finish(JobState.FAILED)) {
            this.failure = reason;
            this.problems = List.copyOf(inputProblems);
        }
    }

    /** A queued job is cancelled at once; a running one when its work next reports progress. */
    synchronized void cancel() {
        cancelRequested = true;
        if (state == JobState.QUEUED) {
            finish(JobState.CANCELLED);
        }
    }

    /** The work stopped at a report: cancelled if that was asked for, else failed for the reason given. */
    synchronized void stopped(String reason) {
        if (cancelRequested) {
            finish(JobState.CANCELLED);
        } else {
            failed(reason, List.of());
        }
    }

    /** The service is stopping: the work stops at its next report. */
    void stopForShutdown() {
        serviceStopping = true;
    }

    private boolean finish(JobState finalState) {
        if (state.isFinal()) {
            return false;
        }
        state = finalState;
        finishedAt = clock.instant();
        return true;
    }
}
