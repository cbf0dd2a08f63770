package org.accord.api;

import java.time.Duration;
import org.accord.engine.Progress;
import org.accord.jobs.TimeBudget;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code accord.jobs.*}: how long work may take and how jobs queue.
 *
 * @param requestBudget how long heavy work may run within one request (simulations, sweeps,
 *                      comparisons, backtests); past it, a 503 that suggests a job
 * @param jobBudget     how long one job may run; past it, the job fails with the reason
 * @param queueCapacity jobs that may wait for a slot; beyond, 429
 * @param perCaller     jobs one caller may have queued or running at once; beyond, 429, so that
 *                      one caller cannot fill the queue
 * @param keepFinished  how long a finished job stays readable (its run stays stored)
 * @param shutdownGrace how long running jobs may go on finishing when the service stops
 * @param simulationThreads how many threads settle a simulation's trials (jobs and requests alike);
 *                      unset, one fewer than the processors (at least one), so that a long
 *                      simulation leaves a processor to interactive evaluations. The result does
 *                      not depend on it.
 * @param leastShare    while interactive requests are in flight, a running job waits between
 *                      units of work (engine sessions, batches of trials) for them to end, but
 *                      keeps at least this share of its threads' time, so that unbroken traffic
 *                      slows it down without starving it: 0.1 (the default) waits at most nine
 *                      times as long as the unit before took, and never more than a second.
 *                      Above 0 and at most 1; 1 never waits. Waiting counts against the job's budget.
 */
@ConfigurationProperties("accord.jobs")
record JobSettings(
        @DefaultValue("30s") Duration requestBudget,
        @DefaultValue("10m") Duration jobBudget,
        @DefaultValue("20") int queueCapacity,
        @DefaultValue("5") int perCaller,
        @DefaultValue("1h") Duration keepFinished,
        @DefaultValue("20s") Duration shutdownGrace,
        Integer simulationThreads,
        @DefaultValue("0.1") double leastShare) {

    JobSettings {
        if (!(leastShare > 0 && leastShare <= 1)) {
            throw new IllegalArgumentException("accord.jobs.least-share must be above 0 and at most 1, not " + leastShare);
        }
        if (perCaller < 1) {
            throw new IllegalArgumentException("accord.jobs.per-caller must be at least 1, not " + perCaller);
        }
        if (simulationThreads != null && simulationThreads < 1) {
            throw new IllegalArgumentException("accord.jobs.simulation-threads must be at least 1, not " + simulationThreads);
        }
    }

    /** The configured simulation threads, else one fewer than {@code processors} (at least one). */
    int simulationThreads(int processors) {
        return simulationThreads != null ? simulationThreads : Math.max(1, processors - 1);
    }

    /** The budget of work a request runs itself, starting now. */
    Progress forRequest() {
        return new TimeBudget(requestBudget, Progress.NONE);
    }
}
