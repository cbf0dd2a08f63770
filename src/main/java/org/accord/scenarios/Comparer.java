package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.engine.Progress;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/** Settles the baseline and every proposal in one batch and lays their differences side by side. */
final class Comparer {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final Comparator<ComparisonResult.Delta> BY_SIZE =
            Comparator.comparing((ComparisonResult.Delta d) -> d.delta().abs()).reversed();

    private final EvaluationService service;

    Comparer(EvaluationService service) {
        this.service = service;
    }

    ComparisonResult compare(CompareRequest request, Progress progress) {
        List<ContractChoice> sides = checked(request);
        List<Settlement> settlements = service.evaluateEach(sides, request.facts(), progress);
        Settlement baseline = settlements.get(0);
        ComparisonResult.Side baselineSide = side(sides.get(0), baseline);
        List<ComparisonResult.ProposalComparison> proposals = new ArrayList<>();
        for (int i = 1; i < settlements.size(); i++) {
            proposals.add(compare(i, baselineSide, baseline, side(sides.get(i), settlements.get(i)), settlements.get(i)));
        }
        return new ComparisonResult(baseline.ipaId(), baseline.performanceYear(), baseline.rulesHash(), baseline.factsHash(),
                baselineSide, List.copyOf(proposals));
    }

    List<ContractChoice> checked(CompareRequest request) {
        Set<InputProblem> problems = new LinkedHashSet<>();
        if (request.baseline() == null) {
            problems.add(new InputProblem("/baseline", "a baseline contract is required"));
        }
        if (request.proposals().isEmpty()) {
            problems.add(new InputProblem("/proposals", "at least one proposal is required"));
        }
        InvalidInputException.throwIfAny(new ArrayList<>(problems));
        List<ContractChoice> sides = new ArrayList<>();
        sides.add(request.baseline());
        sides.addAll(request.proposals());
        for (int i = 0; i < sides.size(); i++) {
            String pointer = i == 0 ? "/baseline" : "/proposals/" + (i - 1);
            if (sides.get(i) == null) {
                problems.add(new InputProblem(pointer, "a contract is required"));
                continue;
            }
            try {
                Requests.check(service, sides.get(i), request.facts(), pointer);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        InvalidInputException.throwIfAny(new ArrayList<>(problems));
        return sides;
    }

    private ComparisonResult.ProposalComparison compare(int number, ComparisonResult.Side b, Settlement baseline,
            ComparisonResult.Side p, Settlement proposal) {
        List<ComparisonResult.Delta> ipa = new ArrayList<>(List.of(
                delta("payerTotal", null, b.totals().payerTotal(), p.totals().payerTotal()),
                delta("ipaPool", null, b.totals().ipaPool(), p.totals().ipaPool()),
                delta("retainedByIpa", null, b.totals().retainedByIpa(), p.totals().retainedByIpa()),
                delta("riskSharing", null, b.riskSharing(), p.riskSharing())));
        ipa.sort(BY_SIZE);
        Map<String, Settlement.PracticeTotal> proposed = new LinkedHashMap<>();
        p.totals().practices().forEach(t -> proposed.put(t.practiceId(), t));
        List<ComparisonResult.Delta> practices = new ArrayList<>();
        for (Settlement.PracticeTotal t : b.totals().practices()) {
            practices.add(delta(t.practiceId(), t.name(), t.total(), proposed.get(t.practiceId()).total()));
        }
        practices.sort(BY_SIZE);
        return new ComparisonResult.ProposalComparison(number, p, termDifferences(baseline, proposal),
                List.copyOf(ipa), List.copyOf(practices), lineDeltas(baseline, proposal));
    }

    /** One side as settled: its contract is the one it was settled with, on the template that contract is settled on. */
    private ComparisonResult.Side side(ContractChoice contract, Settlement s) {
        return new ComparisonResult.Side(s.contract().templateId(), s.contract().templateVersion(), s.contract().termsHash(),
                s.contract().overrides(), s.totals(),
                Requests.riskSharing(s, Requests.conceptsByClause(service, contract)), s.contract().contractVersion());
    }

    private static ComparisonResult.Delta delta(String item, String name, BigDecimal baseline, BigDecimal proposal) {
        return new ComparisonResult.Delta(item, name, baseline, proposal, proposal.subtract(baseline));
    }

    /** Parameters whose values differ, clause by clause in the baseline's order, then the proposal's own clauses. */
    static List<ComparisonResult.TermDifference> termDifferences(Settlement baseline, Settlement proposal) {
        Map<String, Map<String, Object>> b = baseline.contract().terms();
        Map<String, Map<String, Object>> p = proposal.contract().terms();
        Set<String> clauses = new LinkedHashSet<>(b.keySet());
        clauses.addAll(p.keySet());
        List<ComparisonResult.TermDifference> differences = new ArrayList<>();
        for (String clause : clauses) {
            Map<String, Object> bValues = b.getOrDefault(clause, Map.of());
            Map<String, Object> pValues = p.getOrDefault(clause, Map.of());
            Set<String> parameters = new LinkedHashSet<>(bValues.keySet());
            parameters.addAll(pValues.keySet());
            for (String parameter : parameters) {
                Object before = bValues.get(parameter);
                Object after = pValues.get(parameter);
                if (!sameValue(before, after)) {
                    differences.add(new ComparisonResult.TermDifference(clause, parameter, before, after));
                }
            }
        }
        return List.copyOf(differences);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private record LineKey(String scope, String clause, String rule, String detail) {
        static LineKey of(SettlementLine line) {
            return new LineKey(line.scope(), line.clause(), line.rule(), line.detail());
        }
    }

    /** What a line pays, whichever rule wrote it: a practice capped under one contract and not the other is paid by two rules. */
    private record PaymentKey(String scope, String clause, String flow, String detail) {
        static PaymentKey of(SettlementLine line) {
            return new PaymentKey(line.scope(), line.clause(), line.flow(), line.detail());
        }
    }

    /**
     * Every line of either side, matched by scope, clause, rule and detail; then a line found on one side
     * only is matched with the other side's line that pays the same scope, clause, flow and detail under
     * another rule, when each is the only such line. Ranked by the size of the change.
     */
    static List<ComparisonResult.LineDelta> lineDeltas(Settlement baseline, Settlement proposal) {
        Map<LineKey, SettlementLine[]> matched = new LinkedHashMap<>();
        List<List<SettlementLine>> bySide = List.of(baseline.lines(), proposal.lines());
        for (int side = 0; side < 2; side++) {
            for (SettlementLine line : bySide.get(side)) {
                SettlementLine[] sides = matched.computeIfAbsent(LineKey.of(line), k -> new SettlementLine[2]);
                sides[side] = merge(sides[side], line);
            }
        }
        Map<PaymentKey, List<SettlementLine[]>> oneSided = new LinkedHashMap<>();
        matched.values().stream().filter(sides -> sides[0] == null || sides[1] == null)
                .forEach(sides -> oneSided.computeIfAbsent(PaymentKey.of(sides[0] == null ? sides[1] : sides[0]),
                        k -> new ArrayList<>()).add(sides));
        List<ComparisonResult.LineDelta> deltas = new ArrayList<>();
        Set<SettlementLine[]> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SettlementLine[] sides : matched.values()) {
            if (paired.contains(sides)) {
                continue;
            }
            List<SettlementLine[]> group = sides[0] == null || sides[1] == null
                    ? oneSided.get(PaymentKey.of(sides[0] == null ? sides[1] : sides[0])) : List.of();
            SettlementLine[] other = group.size() == 2 ? group.get(group.get(0) == sides ? 1 : 0) : null;
            if (other != null && (other[0] == null) != (sides[0] == null)) {
                paired.add(other);
                deltas.add(sides[0] != null ? lineDelta(sides[0], other[1]) : lineDelta(other[0], sides[1]));
            } else {
                deltas.add(lineDelta(sides[0], sides[1]));
            }
        }
        deltas.sort(Comparator.comparing((ComparisonResult.LineDelta d) -> d.delta().abs()).reversed());
        return List.copyOf(deltas);
    }

    /** One matched pair, either side possibly absent; the rule named is the proposal's, the baseline's beside it when another. */
    private static ComparisonResult.LineDelta lineDelta(SettlementLine before, SettlementLine after) {
        SettlementLine any = after == null ? before : after;
        BigDecimal from = before == null ? ZERO : before.amount();
        BigDecimal to = after == null ? ZERO : after.amount();
        String baselineRule = before != null && after != null && !before.rule().equals(after.rule()) ? before.rule() : null;
        return new ComparisonResult.LineDelta(any.scope(), any.clause(), any.rule(), any.detail(), from, to, to.subtract(from),
                before == null ? null : before.explanation(), after == null ? null : after.explanation(), baselineRule);
    }

    /** A rule that wrote two lines with the same key on one side: their amounts add up. */
    private static SettlementLine merge(SettlementLine earlier, SettlementLine line) {
        if (earlier == null) {
            return line;
        }
        return new SettlementLine(line.scope(), line.clause(), line.flow(), earlier.amount().add(line.amount()), earlier.basis(),
                earlier.explanation() + " " + line.explanation(), line.rule(), line.detail());
    }
}
