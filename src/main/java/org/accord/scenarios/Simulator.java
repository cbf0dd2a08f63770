package org.accord.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.engine.Progress;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.FactDeclarations;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/**
 * Draws the trials' facts and settles them with the engine in batches of trials, one batch per
 * {@code evaluateAll} session, batches spread over a fixed number of threads. A trial's numbers
 * depend only on the seed and its index, and each is stored at its index, so the result is the
 * same whatever the thread count.
 */
final class Simulator {

    /** Trials per engine session: large enough to share a session's set-up, small enough to spread over threads. */
    static final int TRIALS_PER_BATCH = 50;
    static final BigDecimal MAX_COEFFICIENT_OF_VARIATION = BigDecimal.TEN;
    /** About this many bins in the payout histogram: enough for a shape, few enough to read each bar. */
    static final int HISTOGRAM_BINS = 40;
    /** The most a practice's cost of care may be, as declared (rules/facts.yaml): what a trial may draw. */
    private static final BigDecimal MOST_COST = FactDeclarations.shipped().practiceField("totalCostOfCare").orElseThrow().maximum();

    private final EvaluationService service;
    private final int threads;

    Simulator(EvaluationService service, int threads) {
        this.service = service;
        this.threads = threads;
    }

    SimulationResult simulate(SimulationRequest request, Progress progress) {
        check(request);
        PerformanceFacts facts = request.facts();
        int practiceCount = facts.practices().size();
        double cv = request.coefficientOfVariation().doubleValue();
        double[] costPerMember = expectedCostPerMember(request);
        PerformanceVariation variation = new PerformanceVariation(facts, request.seed(), costPerMember, cv,
                SimulationRequest.LOGNORMAL.equals(request.costDistribution()), request.varyQuality());
        Samples samples = new Samples(request.trials(), facts,
                Requests.riskSharingClauses(Requests.conceptsByClause(service, request.contract())));
        run(request, variation, samples, progress);
        Settlement observed = service.evaluate(request.contract(), facts);

        List<SimulationResult.Outcome> practices = new ArrayList<>(practiceCount);
        double ipaExpected = 0;
        double ipaVariance = 0;
        int ipaMembers = 0;
        Map<String, Settlement.PracticeTotal> observedTotals = totalsById(observed);
        for (int i = 0; i < practiceCount; i++) {
            PracticePerformance p = facts.practices().get(i);
            KnownCosts known = KnownCosts.of(p);
            int drawn = known.drawnMembers(p);
            // The listed members' known costs and the expected cost of the members drawn beside them (0.0 + x is x).
            double expected = drawn <= 0 ? p.totalCostOfCare().doubleValue() : known.amount().doubleValue() + drawn * costPerMember[i];
            double sd = drawn <= 0 ? 0 : Math.sqrt(drawn) * cv * costPerMember[i];
            ipaExpected += expected;
            ipaVariance += sd * sd;
            ipaMembers += p.attributedMembers();
            practices.add(outcome(p.id(), p.name(), p.attributedMembers(), expected, sd, samples.practiceCost[i],
                    samples.practicePayout[i], samples.practiceDistributed[i], observedTotals.get(p.id()).total()));
        }
        practices.sort(java.util.Comparator.comparing(SimulationResult.Outcome::scope));
        SimulationResult.Outcome ipa = outcome("IPA", facts.ipa().name(), ipaMembers, ipaExpected, Math.sqrt(ipaVariance),
                samples.ipaCost, samples.ipaPayout, samples.ipaRiskSharing, observed.totals().payerTotal());
        return new SimulationResult(observed.ipaId(), observed.performanceYear(), request.contract().templateId(),
                observed.contract().overrides(), request.trials(), request.seed(), request.costDistribution(),
                request.coefficientOfVariation(), expectedCostText(request), request.varyQuality(), model(request),
                ipa, List.copyOf(practices), Statistics.histogram(samples.ipaPayout, HISTOGRAM_BINS), observed.rulesHash(),
                observed.factsHash());
    }

    private void run(SimulationRequest request, PerformanceVariation variation, Samples samples, Progress progress) {
        AtomicLong settled = new AtomicLong();
        List<Runnable> batches = new ArrayList<>();
        for (int from = 0; from < samples.trials; from += TRIALS_PER_BATCH) {
            int start = from;
            int end = Math.min(samples.trials, from + TRIALS_PER_BATCH);
            batches.add(() -> {
                settle(request, variation, samples, start, end);
                progress.advanced(settled.addAndGet(end - start), samples.trials);
            });
        }
        if (threads <= 1 || batches.size() == 1) {
            batches.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, batches.size()), runnable -> {
            Thread thread = new Thread(runnable, "accord-simulation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            batches.forEach(batch -> running.add(pool.submit(batch)));
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the simulation was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Settles trials [from, to) in one batch under the contract (its terms resolved once and cached by
     * the service, each trial checked for what its draw changed), and records each at its index; the trials'
     * facts and settlements are dropped when the batch is recorded.
     */
    private void settle(SimulationRequest request, PerformanceVariation variation, Samples samples, int from, int to) {
        List<PerformanceFacts> trials = new ArrayList<>(to - from);
        for (int t = from; t < to; t++) {
            trials.add(variation.trial(t));
        }
        // Drawn from the checked facts, a trial needs only what the draw changed checked (issue 15).
        List<Outcome> outcomes;
        try {
            outcomes = service.outcomesOfDraws(request.contract(), variation.observed(), trials);
        } catch (InvalidInputException refused) {
            throw drawnPastTheBound(request, trials, from, refused);
        }
        Samples.Batch batch = samples.batch();
        for (int k = 0; k < outcomes.size(); k++) {
            batch.record(from + k, trials.get(k), outcomes.get(k));
        }
        samples.add(batch);
    }

    /**
     * A trial refused for a stated cost drawn past the facts' bound (the spread of a cost stated near it) is refused
     * naming the request's field and the trial: the trial's cost of care is the simulation's draw, not an input.
     * Any other refusal is the trial's as it was.
     */
    private static InvalidInputException drawnPastTheBound(SimulationRequest request, List<PerformanceFacts> trials, int from,
                                                           InvalidInputException refused) {
        if (refused.request().isEmpty()) {
            return refused;
        }
        int k = refused.request().getAsInt();
        List<PracticePerformance> drawn = trials.get(k).practices();
        for (int i = 0; i < drawn.size(); i++) {
            PracticePerformance p = drawn.get(i);
            BigDecimal stated = request.expectedCostPerMember().get(p.id());
            if (stated != null && p.totalCostOfCare().compareTo(MOST_COST) > 0) {
                InvalidInputException named = new InvalidInputException("/expectedCostPerMember/" + p.id(), "trial " + (from + k)
                        + " drew practice " + p.id() + "'s cost of care at " + p.totalCostOfCare().toPlainString() + ", more than the most a"
                        + " practice's total cost of care may be (" + MOST_COST.toPlainString() + "): " + p.attributedMembers()
                        + " members x " + stated.toPlainString() + " = " + stated.multiply(BigDecimal.valueOf(p.attributedMembers()))
                        .toPlainString() + " at a coefficient of variation of " + request.coefficientOfVariation().toPlainString()
                        + " draws past it");
                named.initCause(refused);
                return named;
            }
        }
        return refused;
    }

    private static SimulationResult.Outcome outcome(String scope, String name, int members, double expectedCost, double expectedSd,
                                                    Moments cost, long[] payout, long[] riskSharing, BigDecimal observedPayout) {
        long savings = 0;
        long losses = 0;
        for (long r : riskSharing) {
            savings += r > 0 ? 1 : 0;
            losses += r < 0 ? 1 : 0;
        }
        SimulationResult.Summary payoutSummary = Statistics.summary(payout);
        return new SimulationResult.Outcome(scope, name, members,
                new SimulationResult.Cost(Statistics.dollars(expectedCost), Statistics.dollars(expectedSd), cost.mean(),
                        cost.standardDeviation()),
                payoutSummary, Statistics.summary(riskSharing), Statistics.probability(savings, payout.length),
                Statistics.probability(losses, payout.length), payoutSummary.mean(),
                Statistics.dollars(Statistics.sampleStandardDeviation(payout) / 100 / Math.sqrt(payout.length)), observedPayout);
    }

    void check(SimulationRequest request) {
        if (request.contract() == null) {
            throw new InvalidInputException("/contract", "a contract is required");
        }
        Requests.check(service, request.contract(), request.facts(), "/contract");
        List<InputProblem> problems = new ArrayList<>();
        Requests.require(request.trials() >= 1 && request.trials() <= SimulationRequest.MAX_TRIALS, problems, "/trials",
                "between 1 and " + SimulationRequest.MAX_TRIALS + " trials (was " + request.trials() + ")");
        BigDecimal cv = request.coefficientOfVariation();
        Requests.require(cv.signum() > 0 && cv.compareTo(MAX_COEFFICIENT_OF_VARIATION) <= 0, problems, "/coefficientOfVariation",
                "must be above 0 and at most " + MAX_COEFFICIENT_OF_VARIATION + " (was " + cv.toPlainString() + ")");
        Requests.require(List.of(SimulationRequest.GAMMA, SimulationRequest.LOGNORMAL).contains(request.costDistribution()), problems,
                "/costDistribution", "'" + request.costDistribution() + "' is not gamma or lognormal");
        Requests.require(List.of(SimulationRequest.OBSERVED, SimulationRequest.BENCHMARK).contains(request.expectedCost()), problems,
                "/expectedCost", "'" + request.expectedCost() + "' is not observed or benchmark");
        request.expectedCostPerMember().forEach((id, cost) -> {
            String at = "/expectedCostPerMember/" + id;
            Requests.require(request.facts().practices().stream().anyMatch(p -> p.id().equals(id)), problems, at,
                    "no practice '" + id + "' in the facts");
            Requests.require(cost != null && cost.signum() >= 0, problems, at, "must be zero or more");
            request.facts().practices().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(p -> {
                // The practice's trials are drawn around members x cost: past the facts' bound, the trials would be refused.
                BigDecimal total = cost == null ? null : cost.multiply(BigDecimal.valueOf(p.attributedMembers()));
                Requests.require(total == null || total.compareTo(MOST_COST) <= 0, problems, at, p.attributedMembers() + " members x "
                        + (cost == null ? "" : cost.toPlainString()) + " = " + (total == null ? "" : total.toPlainString())
                        + ", more than the most a practice's total cost of care may be (" + MOST_COST.toPlainString()
                        + "): every trial would be drawn around it");
                KnownCosts known = KnownCosts.of(p);
                if (cost != null && !known.none() && known.drawnMembers(p) > 0) {
                    BigDecimal expected = cost.multiply(BigDecimal.valueOf(p.attributedMembers()));
                    Requests.require(expected.compareTo(known.amount()) >= 0, problems, at, p.attributedMembers() + " members x "
                            + cost.toPlainString() + " = " + expected.toPlainString() + ", less than the "
                            + known.amount().toPlainString() + " its " + known.members()
                            + " listed high-cost members cost, which are part of its cost");
                }
            });
        });
        if (problems.isEmpty()) {
            problems.addAll(statedCostsOfZeroRefused(request));
        }
        if (SimulationRequest.BENCHMARK.equals(request.expectedCost())) {
            BigDecimal benchmark = request.facts().period().benchmarkExpenditure();
            Requests.require(benchmark != null && benchmark.signum() > 0, problems, "/expectedCost",
                    "benchmark needs the period's benchmarkExpenditure");
            if (problems.isEmpty()) {
                BenchmarkShare share = BenchmarkShare.of(request);
                Requests.require(share.observed().signum() > 0, problems, "/expectedCost",
                        "benchmark scales the observed costs of the practices whose cost is not stated, which add up to zero");
                Requests.require(share.left().signum() > 0, problems, "/expectedCost", "the stated and held costs ("
                        + benchmark.subtract(share.left()).toPlainString() + ") already reach the benchmark ("
                        + benchmark.toPlainString() + "), leaving nothing for the other practices' expected costs");
            }
        }
        InvalidInputException.throwIfAny(problems);
    }

    /**
     * A stated cost of zero per member draws every trial's cost of that practice as zero: where the contract refuses a
     * practice with member months and no cost (a distribution weighing each practice's cost), every trial would be
     * refused, so the statement is refused before any trial is drawn, with the contract's reason.
     */
    private List<InputProblem> statedCostsOfZeroRefused(SimulationRequest request) {
        PerformanceFacts facts = request.facts();
        List<PracticePerformance> drawn = new ArrayList<>(facts.practices());
        Map<String, String> zeroAt = new HashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            PracticePerformance p = drawn.get(i);
            BigDecimal stated = request.expectedCostPerMember().get(p.id());
            if (stated != null && stated.signum() == 0 && p.attributedMembers() > 0) {
                drawn.set(i, p.withTotalCostOfCare(new BigDecimal("0.00")));
                zeroAt.put("/facts/practices/" + i + "/totalCostOfCare", p.id());
            }
        }
        if (zeroAt.isEmpty()) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        try {
            service.check(request.contract(), new PerformanceFacts(facts.ipa(), facts.period(), drawn));
        } catch (InvalidInputException e) {
            e.problems().stream().filter(p -> zeroAt.containsKey(p.pointer())).forEach(p -> problems.add(new InputProblem(
                    "/expectedCostPerMember/" + zeroAt.get(p.pointer()), "a cost of 0 per member draws every trial's cost of care as 0,"
                    + " which the contract refuses: " + p.reason())));
        }
        return problems;
    }

    /**
     * Under {@code expectedCost: benchmark}, what the benchmark leaves once the practices whose cost per
     * member is stated (members x that cost), those without members beyond their listed high-cost members (held at
     * their observed cost) and the listed members' known costs of the rest are taken out, and the rest's observed
     * cost beyond their lists, which is scaled to fill it: so the IPA's expected total cost equals its benchmark,
     * whatever is stated.
     */
    private record BenchmarkShare(BigDecimal left, BigDecimal observed) {

        static BenchmarkShare of(SimulationRequest request) {
            BigDecimal left = request.facts().period().benchmarkExpenditure();
            BigDecimal observed = BigDecimal.ZERO;
            for (PracticePerformance p : request.facts().practices()) {
                BigDecimal stated = request.expectedCostPerMember().get(p.id());
                KnownCosts known = KnownCosts.of(p);
                if (known.drawnMembers(p) <= 0) {
                    left = left.subtract(p.totalCostOfCare());
                } else if (stated != null) {
                    left = left.subtract(stated.multiply(BigDecimal.valueOf(p.attributedMembers())));
                } else {
                    // The listed members' costs are known: held, and only the cost beyond them is scaled.
                    left = left.subtract(known.amount());
                    observed = observed.add(p.totalCostOfCare().subtract(known.amount()));
                }
            }
            return new BenchmarkShare(left, observed);
        }

        double scale() {
            return left.doubleValue() / observed.doubleValue();
        }
    }

    /** A settlement's practice totals come ordered by id; the samples are indexed in the facts' order. */
    private static Map<String, Settlement.PracticeTotal> totalsById(Settlement settlement) {
        Map<String, Settlement.PracticeTotal> byId = new java.util.HashMap<>();
        settlement.totals().practices().forEach(t -> byId.put(t.practiceId(), t));
        return byId;
    }

    /**
     * Each practice's expected annual cost per member drawn, in the facts' order: its expected cost less its listed
     * high-cost members' known costs, over its other members (without a list, its expected cost over its members).
     */
    static double[] expectedCostPerMember(SimulationRequest request) {
        PerformanceFacts facts = request.facts();
        double scale = 1;
        if (SimulationRequest.BENCHMARK.equals(request.expectedCost())) {
            scale = BenchmarkShare.of(request).scale();
        }
        double[] perMember = new double[facts.practices().size()];
        for (int i = 0; i < perMember.length; i++) {
            PracticePerformance p = facts.practices().get(i);
            BigDecimal stated = request.expectedCostPerMember().get(p.id());
            KnownCosts known = KnownCosts.of(p);
            int drawn = known.drawnMembers(p);
            if (stated != null && known.none()) {
                perMember[i] = stated.doubleValue();
            } else if (stated != null && drawn > 0) {
                perMember[i] = stated.multiply(BigDecimal.valueOf(p.attributedMembers())).subtract(known.amount()).doubleValue() / drawn;
            } else if (drawn > 0) {
                perMember[i] = p.totalCostOfCare().subtract(known.amount()).doubleValue() / drawn * scale;
            }
        }
        return perMember;
    }

    private static String expectedCostText(SimulationRequest request) {
        return request.expectedCostPerMember().isEmpty() ? request.expectedCost()
                : request.expectedCost() + ", stated for " + String.join(", ", request.expectedCostPerMember().keySet());
    }

    /** The model and its assumptions, with this request's numbers. */
    static String model(SimulationRequest request) {
        String cv = request.coefficientOfVariation().toPlainString();
        String costs = SimulationRequest.LOGNORMAL.equals(request.costDistribution())
                ? "Member costs are lognormal; a practice's total is approximated by the lognormal with the same mean n x m and "
                  + "variance n x (CV x m)^2 (Fenton-Wilkinson: sigma^2 = ln(1 + CV^2/n), mu = ln(n x m) - sigma^2/2), one draw per practice."
                : "Member costs are gamma (shape 1/CV^2, scale m x CV^2); a sum of n independent Gamma(k, theta) is exactly "
                  + "Gamma(n x k, theta), so a practice's total is one draw of Gamma(n/CV^2, m x CV^2): mean n x m, "
                  + "standard deviation sqrt(n) x CV x m.";
        String expected = switch (request.expectedCost()) {
            case SimulationRequest.BENCHMARK -> "each practice's observed cost per member scaled so that the IPA's expected total "
                    + "cost equals its benchmark (an even year: every saving or loss is chance)"
                    + (request.expectedCostPerMember().isEmpty() ? "" : "; the practices whose cost is stated keep it, and "
                    + "the others' scale makes up the rest of the benchmark");
            default -> "each practice's observed total cost of care over its attributed members";
        };
        if (!request.expectedCostPerMember().isEmpty()) {
            expected += "; stated in the request for " + String.join(", ", request.expectedCostPerMember().keySet());
        }
        if (request.facts().practices().stream().anyMatch(p -> !KnownCosts.of(p).none())) {
            costs += " A practice's listed high-cost members (their costs part of its total cost of care) are known: "
                     + "every trial holds them and draws the rest of its cost as above, n being its members beyond the list and m "
                     + "their mean (its expected cost less the list, over them"
                     + (SimulationRequest.BENCHMARK.equals(request.expectedCost()) ? "; the benchmark's scale applies to the cost "
                     + "beyond the list" : "") + "), so no trial's cost is below its list; a practice with no member beyond its "
                     + "list is held at its observed cost.";
        }
        String quality = request.varyQuality()
                ? "Each quality measure's numerator is binomial on its eligible members (denominator less exclusions) at the "
                  + "observed rate; denominators and exclusions are held."
                : "Quality-measure counts are held at their observed values.";
        return String.format(Locale.ROOT, "Monte Carlo of the performance year: %,d trials, seed %d. "
                        + "A practice's total cost of care is the sum of its n attributed members' annual costs, independent and "
                        + "identically distributed with mean m and coefficient of variation CV = %s, where m is %s. %s %s "
                        + "Held at their observed values: attributed members, member months, risk scores, fee-schedule amounts, "
                        + "visits, wellness visits, emergency visits, admissions and the period's inputs (benchmark, assigned "
                        + "beneficiaries, any reported quality score). Practices vary independently of one another, and cost "
                        + "independently of quality: no shared trend, no catastrophic-claim reinsurance or truncation. "
                        + "Every trial is settled by the contract's rules exactly as a single evaluation. Percentiles are "
                        + "nearest-rank; probabilities are shares of trials; the expected value is the mean payout, with its "
                        + "Monte Carlo standard error. Trial i draws from its own random stream seeded from (seed, i), so the "
                        + "result does not depend on the thread count.",
                request.trials(), request.seed(), cv, expected, costs, quality);
    }

    /**
     * What the result needs of each trial, in cents: the payouts and risk-sharing results, whose
     * percentiles need every trial (stored at the trial's index), and the costs, of which only the
     * mean and standard deviation are printed (summed exactly as the trials come, not kept).
     */
    private static final class Samples {
        final int trials;
        final long[] ipaPayout;
        final long[] ipaRiskSharing;
        final Moments ipaCost = new Moments();
        final long[][] practicePayout;
        final long[][] practiceDistributed;
        final Moments[] practiceCost;
        /** Where each practice id is in the facts: a settlement's practice totals come ordered by id. */
        private final Map<String, Integer> practiceIndex = new HashMap<>();
        private final Set<String> riskSharingClauses;

        Samples(int trials, PerformanceFacts facts, Set<String> riskSharingClauses) {
            int practices = facts.practices().size();
            this.trials = trials;
            this.riskSharingClauses = riskSharingClauses;
            ipaPayout = new long[trials];
            ipaRiskSharing = new long[trials];
            practicePayout = new long[practices][trials];
            practiceDistributed = new long[practices][trials];
            practiceCost = new Moments[practices];
            for (int i = 0; i < practices; i++) {
                practiceCost[i] = new Moments();
                practiceIndex.put(facts.practices().get(i).id(), i);
            }
        }

        /** A batch's costs, summed apart and added when the batch is done. */
        Batch batch() {
            return new Batch();
        }

        void add(Batch batch) {
            ipaCost.addAll(batch.ipaCost);
            for (int i = 0; i < practiceCost.length; i++) {
                practiceCost[i].addAll(batch.practiceCost[i]);
            }
        }

        final class Batch {
            final Moments ipaCost = new Moments();
            final Moments[] practiceCost = new Moments[practicePayout.length];

            Batch() {
                for (int i = 0; i < practiceCost.length; i++) {
                    practiceCost[i] = new Moments();
                }
            }

            void record(int trial, PerformanceFacts facts, Outcome outcome) {
                ipaPayout[trial] = cents(outcome.totals().payerTotal());
                ipaRiskSharing[trial] = cents(outcome.ipaPaymentsOf(riskSharingClauses));
                for (Settlement.PracticeTotal p : outcome.totals().practices()) {
                    int i = practiceIndex.get(p.practiceId());
                    practicePayout[i][trial] = cents(p.total());
                    practiceDistributed[i][trial] = cents(p.distributed());
                }
                long totalCost = 0;
                for (int i = 0; i < practiceCost.length; i++) {
                    long cost = cents(facts.practices().get(i).totalCostOfCare());
                    practiceCost[i].add(cost);
                    totalCost = Math.addExact(totalCost, cost);
                }
                ipaCost.add(totalCost);
            }
        }

        private static long cents(BigDecimal amount) {
            return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
        }
    }
}
