package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.engine.Progress;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.settlement.Outcome;
import org.accord.settlement.Settlement;
import org.accord.terms.ContractTemplate;
import org.accord.terms.ParameterDeclaration;
import org.accord.terms.ParameterType;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/**
 * Settles every point of a sweep through the compiled rules: a point differs from the next only in
 * its terms, which are data, so nothing is recompiled. The points are cut into chunks in point
 * order, settled in batch sessions on up to {@code threads} threads; each chunk's settlements are
 * stored at their points' indices, so the result does not depend on the thread count.
 */
final class Sweeper {

    /** Points one range may have, and a whole sweep: enough for any table a negotiator reads. */
    static final int MAX_POINTS_PER_RANGE = 2_500;
    static final int MAX_POINTS = 10_000;
    private static final Set<ParameterType> SWEEPABLE = Set.of(ParameterType.RATE, ParameterType.AMOUNT,
            ParameterType.NUMBER, ParameterType.COUNT);

    /**
     * Points in one chunk at most: a chunk is one {@code evaluateEach} call, which the engine cuts
     * into sessions of its own size; more chunks than threads let a long sweep tell its progress
     * and keep every thread busy to the end.
     */
    static final int MAX_POINTS_PER_CHUNK = 100;

    private final EvaluationService service;
    private final int threads;

    Sweeper(EvaluationService service, int threads) {
        this.service = service;
        this.threads = threads;
    }

    SweepResult sweep(SweepRequest request, Progress progress) {
        List<Map<String, BigDecimal>> points = points(request);
        List<Settlement> settlements = settle(request, points, progress);
        // Every point is the same template: its risk-sharing clauses are found once, as the simulator finds them.
        Set<String> riskSharing = Requests.riskSharingClauses(Requests.conceptsByClause(service, request.contract()));
        List<SweepResult.Point> results = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Settlement s = settlements.get(i);
            results.add(new SweepResult.Point(points.get(i), s.contract().termsHash(), s.totals().payerTotal(), s.totals().ipaPool(),
                    s.totals().retainedByIpa(), Outcome.of(s).ipaPaymentsOf(riskSharing), s.totals().practices()));
        }
        Settlement first = settlements.get(0);
        return new SweepResult(first.ipaId(), first.performanceYear(), request.contract().templateId(),
                request.contract().overrides(), request.vary().stream().map(SweepRequest.Range::parameter).toList(),
                List.copyOf(results), first.rulesHash(), first.factsHash());
    }

    /** The settlements of every point, in point order (the first parameter varying slowest). */
    List<Settlement> settle(SweepRequest request) {
        return settle(request, points(request), Progress.NONE);
    }

    /**
     * Checks every point as the sweep settles it, settling none: a sweep job is refused at once for what its run
     * would refuse (it was accepted and failed at its first point of budgetPmpm 0).
     */
    void check(SweepRequest request) {
        List<Map<String, BigDecimal>> points = points(request);
        try {
            service.checkEach(contractsAt(request, points), request.facts());
        } catch (InvalidInputException e) {
            throw refusedAtItsPoint(request, points, 0, e);
        }
    }

    /** The contract at each point: the sweep's contract with the point's values. */
    private static List<ContractChoice> contractsAt(SweepRequest request, List<Map<String, BigDecimal>> points) {
        List<ContractChoice> contracts = new ArrayList<>(points.size());
        for (Map<String, BigDecimal> point : points) {
            contracts.add(at(request.contract(), point));
        }
        return contracts;
    }

    private static ContractChoice at(ContractChoice contract, Map<String, BigDecimal> point) {
        ContractChoice at = contract;
        for (Map.Entry<String, BigDecimal> value : point.entrySet()) {
            at = at.with(value.getKey(), value.getValue());
        }
        return at;
    }

    private List<Settlement> settle(SweepRequest request, List<Map<String, BigDecimal>> points, Progress progress) {
        List<ContractChoice> contracts = contractsAt(request, points);
        int count = contracts.size();
        int spread = Math.max(1, Math.min(threads, count));
        int chunk = Math.max(1, Math.min(MAX_POINTS_PER_CHUNK, (count + spread - 1) / spread));
        int chunks = (count + chunk - 1) / chunk;
        Settlement[] settled = new Settlement[count];
        AtomicLong done = new AtomicLong();
        Spread.run(threads, chunks, "accord-sweep", c -> {
            int from = c * chunk;
            int to = Math.min(count, from + chunk);
            // The engine tells each chunk's own count after each session; the sweep tells the points settled in all.
            long[] told = {0};
            Progress chunkProgress = (chunkDone, chunkTotal) -> {
                long added = chunkDone - told[0];
                told[0] = chunkDone;
                progress.advanced(done.addAndGet(added), count);
            };
            List<Settlement> part;
            try {
                part = service.evaluateEach(contracts.subList(from, to), request.facts(), chunkProgress);
            } catch (InvalidInputException e) {
                // Named by the sweep's point, not by its place in the chunk, so on any thread count alike.
                throw refusedAtItsPoint(request, points, from, e);
            }
            for (int k = 0; k < part.size(); k++) {
                settled[from + k] = part.get(k);
            }
        });
        return List.of(settled);
    }

    /** A refusal of the points from {@code first} on, named by the sweep's point and pointed at its ranges. */
    private static InvalidInputException refusedAtItsPoint(SweepRequest request, List<Map<String, BigDecimal>> points, int first,
                                                           InvalidInputException e) {
        int point = first + e.request().orElse(0);
        return atItsRange(request, points.get(point), e).inRequest(point);
    }

    /**
     * A point's problems, those with a varied term pointed at its range, where the caller wrote the value
     * (a target of zero at one point named /contract/overrides/targetPmpm, which the request does not hold).
     */
    private static InvalidInputException atItsRange(SweepRequest request, Map<String, BigDecimal> point, InvalidInputException e) {
        List<InputProblem> problems = new ArrayList<>();
        for (InputProblem problem : e.problems()) {
            InputProblem named = problem;
            for (int i = 0; i < request.vary().size(); i++) {
                String parameter = request.vary().get(i).parameter();
                if (problem.pointer().equals("/contract/overrides/" + parameter)) {
                    named = new InputProblem("/vary/" + i, "at the point where " + parameter + " is "
                            + point.get(parameter).toPlainString() + ": " + problem.reason());
                }
            }
            problems.add(named);
        }
        return new InvalidInputException(problems);
    }

    /** Every point's values, checked against the template's declarations before anything is settled. */
    List<Map<String, BigDecimal>> points(SweepRequest request) {
        if (request.contract() == null) {
            throw new InvalidInputException("/contract", "a contract is required");
        }
        String templateId = request.contract().templateId();
        ContractTemplate template = templateId == null ? null : service.template(request.contract()).orElse(null);
        if (template == null) {
            // Names the missing or unknown template (and any problem of the facts).
            Requests.check(service, request.contract(), request.facts(), "/contract");
            throw new IllegalStateException("template '" + templateId + "' is unknown, yet the contract was accepted");
        }
        List<InputProblem> problems = new ArrayList<>();
        if (request.vary().isEmpty() || request.vary().size() > 2) {
            problems.add(new InputProblem("/vary", "vary one or two parameters (got " + request.vary().size() + ")"));
        }
        InvalidInputException.throwIfAny(problems);
        List<List<BigDecimal>> values = new ArrayList<>();
        for (int i = 0; i < request.vary().size(); i++) {
            values.add(values(template, request.vary().get(i), "/vary/" + i, problems));
            String varied = request.vary().get(i) == null ? null : request.vary().get(i).parameter();
            if (varied != null && request.contract().version() == null && request.contract().overrides().containsKey(varied)) {
                // The sweep's values would replace the override without a word: say which one the caller meant.
                problems.add(new InputProblem("/vary/" + i + "/parameter", "'" + varied
                        + "' is also set in the contract's overrides; a sweep varies it over its range: leave it out of the overrides"));
            }
        }
        if (request.vary().size() == 2 && request.vary().get(0) != null && request.vary().get(1) != null
                && request.vary().get(0).parameter() != null
                && request.vary().get(0).parameter().equals(request.vary().get(1).parameter())) {
            problems.add(new InputProblem("/vary/1/parameter", "'" + request.vary().get(1).parameter() + "' is already varied"));
        }
        InvalidInputException.throwIfAny(problems);
        long count = values.stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (count > MAX_POINTS) {
            throw new InvalidInputException("/vary", "the sweep has " + count + " points; at most " + MAX_POINTS);
        }
        List<Map<String, BigDecimal>> points = new ArrayList<>();
        List<BigDecimal> second = values.size() == 2 ? values.get(1) : Collections.singletonList(null);
        for (BigDecimal a : values.get(0)) {
            for (BigDecimal b : second) {
                Map<String, BigDecimal> point = new LinkedHashMap<>();
                point.put(request.vary().get(0).parameter(), a);
                if (b != null) {
                    point.put(request.vary().get(1).parameter(), b);
                }
                points.add(Collections.unmodifiableMap(point));
            }
        }
        checkTheBase(request, points.get(0));
        return points;
    }

    /**
     * The sweep's contract and facts checked before any point is settled. A varied term's base value is never
     * settled, so the contract is checked at the first point: a version's budgetPmpm of 0 swept from 500 to 1000 was
     * refused, though no point is 0. A problem with a varied term is named at its range, at that point; one with a
     * term of the stored version, at the version.
     */
    private void checkTheBase(SweepRequest request, Map<String, BigDecimal> first) {
        try {
            service.check(at(request.contract(), first), request.facts());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(request.contract().namedInTheRequest(atItsRange(request, first, e).problems()));
        }
    }

    private static List<BigDecimal> values(ContractTemplate template, SweepRequest.Range range, String at, List<InputProblem> problems) {
        if (range == null || range.parameter() == null || range.parameter().isBlank()) {
            problems.add(new InputProblem(at + "/parameter", "name the parameter to vary"));
            return List.of();
        }
        ParameterDeclaration declaration = template.term(range.parameter()).orElse(null);
        if (declaration == null) {
            problems.add(new InputProblem(at + "/parameter", template.noParameter(range.parameter())));
            return List.of();
        }
        if (!declaration.negotiable()) {
            problems.add(new InputProblem(at + "/parameter", org.accord.terms.TermsResolver.notNegotiable(declaration)));
            return List.of();
        }
        if (!SWEEPABLE.contains(declaration.type())) {
            problems.add(new InputProblem(at + "/parameter", "'" + range.parameter() + "' is a " + declaration.type().word()
                    + " parameter; only rate, amount, number and count parameters can be swept"));
            return List.of();
        }
        int before = problems.size();
        Requests.require(range.start() != null, problems, at + "/start", "a start value is required");
        Requests.require(range.end() != null, problems, at + "/end", "an end value is required");
        Requests.require(range.step() != null, problems, at + "/step", "a step is required");
        if (problems.size() > before) {
            return List.of();
        }
        Requests.require(range.step().signum() > 0, problems, at + "/step", "the step must be above zero (was "
                + range.step().toPlainString() + ")");
        Requests.require(range.end().compareTo(range.start()) >= 0, problems, at + "/end", "the end "
                + range.end().toPlainString() + " is before the start " + range.start().toPlainString());
        if (declaration.type() == ParameterType.COUNT) {
            Requests.require(whole(range.start()), problems, at + "/start", range.parameter() + " is a count: the start must be a whole number");
            Requests.require(whole(range.step()), problems, at + "/step", range.parameter() + " is a count: the step must be a whole number");
        }
        if (problems.size() > before) {
            return List.of();
        }
        BigDecimal steps = range.end().subtract(range.start()).divideToIntegralValue(range.step());
        if (steps.compareTo(BigDecimal.valueOf(MAX_POINTS_PER_RANGE - 1)) > 0) {
            problems.add(new InputProblem(at + "/step", "the range has more than " + MAX_POINTS_PER_RANGE + " points"));
            return List.of();
        }
        // A range reaching past the term's allowed values is said once, at the end that does (not once a point).
        BigDecimal last = range.start().add(range.step().multiply(steps));
        String allowed = range.parameter() + " is allowed from " + plain(declaration.minimum()) + " to " + plain(declaration.maximum())
                + " (" + declaration.unit() + ")";
        Requests.require(declaration.minimum() == null || range.start().compareTo(declaration.minimum()) >= 0, problems, at + "/start",
                "the start " + range.start().toPlainString() + " is below the minimum: " + allowed);
        Requests.require(declaration.maximum() == null || last.compareTo(declaration.maximum()) <= 0, problems, at + "/end",
                (last.compareTo(range.end()) == 0 ? "the end " : "the last point " + last.toPlainString() + " (the end ")
                        + range.end().toPlainString() + (last.compareTo(range.end()) == 0 ? "" : ")") + " is above the maximum: " + allowed);
        if (problems.size() > before) {
            return List.of();
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int k = 0; k <= steps.intValueExact(); k++) {
            BigDecimal value = range.start().add(range.step().multiply(BigDecimal.valueOf(k)));
            try {
                template.accept(declaration, value, org.accord.terms.ParameterDeclaration.Checks.ALL);
                values.add(value);
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem(at, "point " + value.toPlainString() + " of " + range.parameter() + ": " + e.getMessage()));
            }
        }
        return values;
    }

    private static String plain(BigDecimal bound) {
        return bound == null ? "any" : bound.toPlainString();
    }

    private static boolean whole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
