package org.accord.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.accord.jobs.HeavyWork;
import org.accord.jobs.InteractiveRequests;
import org.accord.jobs.JobRecords;
import org.accord.jobs.JobState;
import org.accord.jobs.Jobs;
import org.accord.security.SecuritySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The server's jobs: one limit on heavy work for requests and jobs alike
 * ({@code accord.security.heavy-at-once}), the queue and budgets of {@code accord.jobs.*}, the
 * count of interactive requests in flight that running jobs give way to, their metrics, their
 * records in the store, and their end when the service stops.
 */
@Configuration
@EnableConfigurationProperties(JobSettings.class)
class JobsConfiguration {

    @Bean
    HeavyWork heavyWork(SecuritySettings security) {
        return new HeavyWork(security.heavyAtOnce());
    }

    @Bean
    InteractiveRequests interactiveRequests(MeterRegistry metrics) {
        InteractiveRequests requests = new InteractiveRequests();
        Gauge.builder("accord.requests.interactive", requests, InteractiveRequests::inFlight)
                .description("Requests in flight that jobs give way to (all but the jobs' own)").register(metrics);
        Gauge.builder("accord.jobs.giving.way", requests, InteractiveRequests::waiting)
                .description("Threads of running jobs waiting for interactive requests to end").register(metrics);
        return requests;
    }

    /** Outside everything but the request id and size checks, so that a request counts from its first filter to its answer. */
    @Bean
    FilterRegistrationBean<InteractiveRequestsInFlight> interactiveRequestsInFlight(InteractiveRequests requests) {
        FilterRegistrationBean<InteractiveRequestsInFlight> registration =
                new FilterRegistrationBean<>(new InteractiveRequestsInFlight(requests));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    Jobs jobs(HeavyWork heavy, JobSettings settings, MeterRegistry metrics, JobRecords records, InteractiveRequests interactive) {
        Jobs jobs = new Jobs(heavy, settings.queueCapacity(), settings.jobBudget(), settings.keepFinished(), Clock.systemUTC(), records,
                interactive, settings.leastShare()).perCaller(settings.perCaller());
        Gauge.builder("accord.jobs.queued", jobs, Jobs::queued).description("Jobs waiting for a free slot").register(metrics);
        Gauge.builder("accord.jobs.running", jobs, Jobs::running).description("Jobs running").register(metrics);
        for (JobState state : new JobState[] {JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED}) {
            FunctionCounter.builder("accord.jobs.finished", jobs, j -> j.finished(state)).tag("state", state.word())
                    .description("Jobs that reached a final state").register(metrics);
        }
        return jobs;
    }

    /**
     * Stops the jobs before the web server stops (a higher phase stops first), so that callers
     * polling a job see how it ended: running jobs get the grace period, then fail as "service
     * stopped". The grace stays within spring.lifecycle.timeout-per-shutdown-phase.
     */
    @Bean
    SmartLifecycle jobsShutdown(Jobs jobs, JobSettings settings) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                jobs.shutdown(settings.shutdownGrace());
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /**
             * Not stopped when a context is paused (Spring's test context cache pauses the contexts it
             * is not using): stopping shuts the jobs for good, and a resumed context would refuse every job.
             */
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }
}
