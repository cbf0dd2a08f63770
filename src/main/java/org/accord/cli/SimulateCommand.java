package org.accord.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.accord.evaluation.EvaluationService;
import org.accord.scenarios.Scenarios;
import org.accord.scenarios.SimulationRequest;
import org.accord.scenarios.SimulationResult;
import org.accord.validation.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Monte Carlo of the performance year's chance variation: member costs and quality-measure counts "
                + "vary by chance, every trial is settled by the rules, and the distribution of payouts is printed.")
class SimulateCommand implements Callable<Integer> {

    @Mixin
    FactsOptions facts;

    /** The data directory whose published templates may be named. */
    @Mixin
    RunsCommand.Where where;

    @Option(names = "--template", required = true, description = "Contract template id (see 'templates': shipped, or published in the data directory).")
    String template;

    @Option(names = "--set", paramLabel = "NAME=VALUE", parameterConsumer = OverrideOnce.class, description = "Override a parameter (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--trials", defaultValue = "10000", description = "Performance years to draw (default ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same result (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cv", paramLabel = "CV", defaultValue = SimulationRequest.DEFAULT_COEFFICIENT_OF_VARIATION,
            description = "Coefficient of variation of a member's annual cost (default ${DEFAULT-VALUE}: total cost of care).")
    BigDecimal cv;

    @Option(names = "--distribution", paramLabel = "gamma|lognormal", defaultValue = SimulationRequest.GAMMA,
            description = "Member cost distribution (default ${DEFAULT-VALUE}; the sum of gammas is exact, of lognormals approximated).")
    String distribution;

    @Option(names = "--expected-cost", paramLabel = "observed|benchmark", defaultValue = SimulationRequest.OBSERVED,
            description = "Each practice's expected cost per member: its observed cost (default), or scaled so that the IPA's "
                    + "expected cost equals its benchmark (every saving is then chance; practices stated with --expected-cost-per-member keep "
                    + "their cost and the others' scale makes up the rest).")
    String expectedCost;

    @Option(names = "--expected-cost-per-member", paramLabel = "PRACTICE=USD", description = "A stated expected annual cost per member for a practice (repeatable).")
    Map<String, BigDecimal> expectedCostPerMember = new LinkedHashMap<>();

    @Option(names = "--fixed-quality", description = "Hold quality-measure counts at their observed values.")
    boolean fixedQuality;

    /** More threads than this only take turns on the processors (the trials are CPU-bound). */
    private static final int MOST_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N", description = "Threads settling trials (default: every processor; the result does not depend on it).")
    Integer threads;

    @Mixin
    OutputOptions output;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        output.apartFrom(facts.facts);
        SimulationRequest request = new SimulationRequest(Contracts.of(template, overrides), facts.load(), trials, seed, cv,
                distribution, expectedCost, expectedCostPerMember, !fixedQuality);
        EvaluationService service = ServedTemplates.evaluations(where.directory(), List.of(template));
        if (threads != null && (threads < 1 || threads > MOST_THREADS)) {
            throw new InvalidInputException("--threads", "between 1 and " + MOST_THREADS + ", got " + threads);
        }
        Scenarios scenarios = threads == null ? new Scenarios(service) : new Scenarios(service, threads);
        long started = System.nanoTime();
        SimulationResult result;
        try (ProgressLine line = progress.start("simulate", "trials")) {
            result = scenarios.simulate(request, line);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        output.print(result, () -> report(result, seconds));
        return 0;
    }

    private static String report(SimulationResult r, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Simulation of ").append(r.ipaId()).append(", performance year ").append(r.performanceYear()).append(", under ")
                .append(r.templateId());
        if (!r.overrides().isEmpty()) {
            out.append(" with ").append(r.overrides());
        }
        out.append('\n').append(String.format(Locale.ROOT, "%,d trials, seed %d, %s member costs with CV %s, expected cost: %s "
                        + "(%.1f s)%n%n", r.trials(), r.seed(), r.costDistribution(), r.coefficientOfVariation().toPlainString(),
                r.expectedCost(), seconds));
        TextTable table = new TextTable("scope", "members", "cost sd", "payout mean", "p5", "median", "p95",
                "P(savings)", "P(losses)", "observed");
        List<SimulationResult.Outcome> all = new ArrayList<>();
        all.add(r.ipa());
        all.addAll(r.practices());
        for (SimulationResult.Outcome o : all) {
            table.row(o.scope(), String.valueOf(o.members()), costSpread(o.cost()), o.payout().mean().toPlainString(),
                    o.payout().p5().toPlainString(), o.payout().p50().toPlainString(), o.payout().p95().toPlainString(),
                    TextTable.percent(o.probabilityOfSavings()), TextTable.percent(o.probabilityOfLosses()),
                    o.observedPayout().toPlainString());
        }
        out.append(table.render("  "));
        out.append("\n  cost sd: the simulated total cost's standard deviation as a share of its expected value.\n");
        out.append("  payout: the IPA's payer total, a practice's total; P(savings)/P(losses): the IPA's savings, losses, budget\n")
                .append("  and corridor lines above/below zero, a practice's distribution from the IPA's pool above/below zero.\n");
        out.append('\n').append("Model\n").append(wrap(r.model(), 100, "  ")).append('\n');
        return out.toString();
    }

    private static String costSpread(SimulationResult.Cost cost) {
        if (cost.expected().signum() == 0) {
            return "";
        }
        return cost.simulatedStandardDeviation().divide(cost.expected(), 4, RoundingMode.HALF_EVEN)
                .movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > indent.length()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(word).append(' ');
        }
        return out.append(line.toString().stripTrailing()).append('\n').toString();
    }
}
