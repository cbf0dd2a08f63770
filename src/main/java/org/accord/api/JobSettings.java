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
 * @param keepFinished  how long a finished job stays readable (its run stays stored)
 * @param shutdownGrace how long running jobs may go on finishing when the service stops
 */
@ConfigurationProperties("accord.jobs")
record JobSettings(
        @DefaultValue("30s") Duration requestBudget,
        @DefaultValue("10m") Duration jobBudget,
        @DefaultValue("20") int queueCapacity,
        @DefaultValue("1h") Duration keepFinished,
        @DefaultValue("20s") Duration shutdownGrace) {

    /** The budget of work a request runs itself, starting now. */
    Progress forRequest() {
        return new TimeBudget(requestBudget, Progress.NONE);
    }
}
