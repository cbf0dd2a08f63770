package org.accord.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.accord.settlement.Settlement;
import org.accord.store.RunSummary;
import org.springframework.stereotype.Component;

/**
 * The domain's metrics (Prometheus at {@code /actuator/prometheus}): evaluations by template with
 * their duration ({@code accord_evaluations_seconds}), and the rule firings that wrote a
 * settlement line or finding ({@code accord_rule_firings_total}). Only templates the server
 * knows become tags; a refused request counts under {@code template="refused"}. The CPU time the
 * evaluating thread spent on a settled evaluation is counted apart ({@code accord_evaluations_cpu_seconds}):
 * under load an evaluation's duration includes waiting for a core, its CPU time does not, so the two
 * together tell a busy machine from a costlier evaluation. Storing the run is timed on its own
 * ({@code accord_runs_stored_seconds}).
 */
@Component
class EvaluationMetrics {

    private final MeterRegistry registry;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    /**
     * Each template's meters, registered on its first evaluation: building four meters' names and
     * tags and finding them in the registry on every request showed in the request's profile
     * (docs/performance.md, "The request's CPU outside the engine, by stage"). Templates are the
     * server's own, so the map stays small.
     */
    private final ConcurrentMap<String, TemplateMeters> byTemplate = new ConcurrentHashMap<>();
    /** Registered when first used, as before: a server that never stored a run shows no such timer. */
    private volatile Timer stored;

    private record TemplateMeters(Timer settled, Timer cpu, Counter firings) {
    }

    EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Settlement timed(Supplier<Settlement> evaluation) {
        Timer.Sample sample = Timer.start(registry);
        long cpuAtStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        Settlement settlement;
        try {
            settlement = evaluation.get();
        } catch (RuntimeException refusal) {
            sample.stop(timer("refused", "refused"));
            throw refusal;
        }
        TemplateMeters meters = byTemplate.computeIfAbsent(settlement.contract().templateId(), this::meters);
        sample.stop(meters.settled());
        if (cpuTimed) {
            meters.cpu().record(threads.getCurrentThreadCpuTime() - cpuAtStart, TimeUnit.NANOSECONDS);
        }
        meters.firings().increment(settlement.lines().size() + settlement.findings().size());
        return settlement;
    }

    private TemplateMeters meters(String template) {
        return new TemplateMeters(timer(template, "settled"),
                !cpuTimed ? null : Timer.builder("accord.evaluations.cpu")
                        .description("The evaluating thread's CPU time per settled evaluation, by template")
                        .tag("template", template).register(registry),
                Counter.builder("accord.rule.firings").description("Rule firings that wrote a settlement line or finding")
                        .tag("template", template).register(registry));
    }

    /**
     * Stores a run, timed apart from the evaluation: what the system of record adds to an answer
     * ({@code accord_runs_stored_seconds}, with its median and 99th percentile over the last minutes).
     */
    RunSummary stored(Supplier<RunSummary> store) {
        Timer timer = stored;
        if (timer == null) {
            timer = Timer.builder("accord.runs.stored").description("Storing an evaluation's run: the time it adds to the answer")
                    .publishPercentiles(0.5, 0.99).register(registry);
            stored = timer;
        }
        return timer.record(store);
    }

    private Timer timer(String template, String outcome) {
        return Timer.builder("accord.evaluations").description("Evaluations, by template and outcome")
                .tag("template", template).tag("outcome", outcome).register(registry);
    }
}
