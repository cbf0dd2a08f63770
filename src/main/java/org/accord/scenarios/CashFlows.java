package org.accord.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.money.Money;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ClauseTerms;
import org.accord.terms.Terms;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;

/** Lays a settlement's lines out by month, as {@link PaymentTiming} says they are paid. */
final class CashFlows {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Money.SCALE);
    static final String TIMING_CONCEPT = "payment-timing";
    static final String LAG_PARAMETER = "reconciliationLagMonths";

    private final EvaluationService service;

    CashFlows(EvaluationService service) {
        this.service = service;
    }

    CashFlowResult cashFlow(CashFlowRequest request) {
        if (request.contract() == null) {
            throw new InvalidInputException("/contract", "a contract is required");
        }
        Terms terms = Requests.check(service, request.contract(), request.facts(), "/contract");
        List<InputProblem> problems = new ArrayList<>();
        PerformanceFacts facts = request.facts();
        boolean ipa = CashFlowRequest.IPA.equals(request.scope());
        String name = ipa ? facts.ipa().name() : facts.practices().stream()
                .filter(p -> p.id().equals(request.scope())).map(p -> p.name() == null ? p.id() : p.name()).findFirst().orElse(null);
        Requests.require(ipa || name != null, problems, "/scope", "no practice '" + request.scope() + "'; give IPA or a practice id");
        for (int i = 0; i < request.monthlyCosts().size(); i++) {
            BigDecimal cost = request.monthlyCosts().get(i);
            Requests.require(cost != null && cost.signum() >= 0, problems, "/monthlyCosts/" + i, "a cost must be zero or more");
        }
        YearMonth first = YearMonth.from(start(facts.period()));
        YearMonth last = YearMonth.from(end(facts.period()));
        int periodMonths = (int) ChronoUnit.MONTHS.between(first, last) + 1;
        // A list shorter than the period left the months it did not give at $0, silently: "1,000,000" split on its commas
        // was a cost of $1 in the first month and nothing after (found from outside). Almost always a mistake, so refused.
        int given = request.monthlyCosts().size();
        Requests.require(given <= 1 || given >= periodMonths, problems, "/monthlyCosts", given + " amounts for a period of "
                + periodMonths + " months (" + first + " to " + last + "): give one amount, for every month, or one for each month"
                + " of the period from its first, " + periodMonths + " or more (a longer list goes on past the period)");
        Requests.require(List.of(CashFlowRequest.AT_RECONCILIATION, CashFlowRequest.MONTHLY).contains(request.payForPerformance()),
                problems, "/payForPerformance", "'" + request.payForPerformance() + "' is not reconciliation or monthly");
        Integer lag = lag(terms);
        Requests.require(lag != null, problems, "/contract/templateId", "template " + terms.templateId()
                + " has no payment-timing clause, so it does not say when reconciliations are paid");
        InvalidInputException.throwIfAny(problems);

        Settlement settlement = service.evaluate(request.contract(), facts);
        boolean p4pMonthly = CashFlowRequest.MONTHLY.equals(request.payForPerformance());
        Map<String, String> concepts = Requests.conceptsByClause(service, request.contract());

        YearMonth reconciliation = last.plusMonths(lag);
        int reconciliationIndex = (int) ChronoUnit.MONTHS.between(first, reconciliation);
        List<BigDecimal> costs = costs(request.monthlyCosts(), periodMonths);
        // The months run to the reconciliation only where something is paid then: with every line of the scope paid
        // monthly, or those paid at reconciliation $0.00, they end with the period (or the costs given past it), not six
        // empty months later (found from outside: medicaid-ffs-p4p with monthly bonuses ran to an empty month 18).
        boolean paidAtReconciliation = settlement.lines().stream().anyMatch(line -> inScope(line, request.scope(), ipa)
                && line.amount().signum() != 0
                && !PaymentTiming.MONTHLY.equals(PaymentTiming.of(concepts.get(line.clause()), line, p4pMonthly)));
        int monthCount = Math.max(paidAtReconciliation ? reconciliationIndex + 1 : periodMonths, costs.size());

        Map<String, BigDecimal[]> byClause = new LinkedHashMap<>();
        for (ClauseTerms clause : terms.clauses()) {
            byClause.put(clause.id(), null);
        }
        BigDecimal[] monthly = zeros(monthCount);
        BigDecimal[] reconciled = zeros(monthCount);
        List<CashFlowResult.ScheduledLine> scheduled = new ArrayList<>();
        for (SettlementLine line : settlement.lines()) {
            if (!inScope(line, request.scope(), ipa)) {
                continue;
            }
            String timing = PaymentTiming.of(concepts.get(line.clause()), line, p4pMonthly);
            BigDecimal[] clauseMonths = byClause.get(line.clause());
            if (clauseMonths == null) {
                clauseMonths = zeros(monthCount);
                byClause.put(line.clause(), clauseMonths);
            }
            if (PaymentTiming.MONTHLY.equals(timing)) {
                List<BigDecimal> parts = Money.allocate(line.amount(), Collections.nCopies(periodMonths, BigDecimal.ONE));
                for (int m = 0; m < periodMonths; m++) {
                    clauseMonths[m] = clauseMonths[m].add(parts.get(m));
                    monthly[m] = monthly[m].add(parts.get(m));
                }
                scheduled.add(new CashFlowResult.ScheduledLine(line.scope(), line.clause(), line.rule(), line.detail(), line.flow(),
                        line.amount(), timing, first, last));
            } else {
                // A line of $0.00 paid at a reconciliation the months do not reach is listed, and adds nothing to them.
                if (reconciliationIndex < monthCount) {
                    clauseMonths[reconciliationIndex] = clauseMonths[reconciliationIndex].add(line.amount());
                    reconciled[reconciliationIndex] = reconciled[reconciliationIndex].add(line.amount());
                }
                scheduled.add(new CashFlowResult.ScheduledLine(line.scope(), line.clause(), line.rule(), line.detail(), line.flow(),
                        line.amount(), timing, reconciliation, reconciliation));
            }
        }
        byClause.values().removeIf(Objects::isNull);

        List<CashFlowResult.Month> months = new ArrayList<>(monthCount);
        BigDecimal cumulative = ZERO;
        BigDecimal totalInflow = ZERO;
        BigDecimal totalCost = ZERO;
        YearMonth firstPositive = null;
        Integer firstPositiveNumber = null;
        for (int m = 0; m < monthCount; m++) {
            Map<String, BigDecimal> clauses = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal[]> clause : byClause.entrySet()) {
                clauses.put(clause.getKey(), clause.getValue()[m]);
            }
            BigDecimal inflow = monthly[m].add(reconciled[m]);
            BigDecimal cost = m < costs.size() ? costs.get(m) : ZERO;
            BigDecimal net = inflow.subtract(cost);
            cumulative = cumulative.add(net);
            totalInflow = totalInflow.add(inflow);
            totalCost = totalCost.add(cost);
            if (firstPositive == null && cumulative.signum() > 0) {
                firstPositive = first.plusMonths(m);
                firstPositiveNumber = m + 1;
            }
            months.add(new CashFlowResult.Month(first.plusMonths(m), m + 1, Collections.unmodifiableMap(clauses), monthly[m],
                    reconciled[m], inflow, cost, net, cumulative));
        }
        return new CashFlowResult(settlement.ipaId(), settlement.performanceYear(), terms.templateId(), terms.overrides(),
                request.scope(), name, first, last, lag, reconciliation, reconciliationIndex + 1,
                PaymentTiming.description(p4pMonthly), List.copyOf(scheduled), List.copyOf(months), totalInflow, totalCost,
                firstPositive, firstPositiveNumber);
    }

    /**
     * The IPA's cash is everything the payer pays, to it or to its practices (the pool's retained and distributed lines
     * move money inside the IPA); a practice's is what it is paid directly and what the IPA distributes to it.
     */
    private static boolean inScope(SettlementLine line, String scope, boolean ipa) {
        if (ipa) {
            return SettlementLine.PAYMENT.equals(line.flow());
        }
        return line.scope().equals(scope) && !SettlementLine.RETAINED.equals(line.flow());
    }

    private static Integer lag(Terms terms) {
        for (ClauseTerms clause : terms.clauses()) {
            if (TIMING_CONCEPT.equals(clause.concept()) && clause.parameters().get(LAG_PARAMETER) instanceof Integer months) {
                return months;
            }
        }
        return null;
    }

    /** A period without dates is its performance year, January to December. */
    private static LocalDate start(PerformancePeriod period) {
        return PerformancePeriod.firstDay(period);
    }

    private static LocalDate end(PerformancePeriod period) {
        return PerformancePeriod.lastDay(period);
    }

    private static List<BigDecimal> costs(List<BigDecimal> given, int periodMonths) {
        List<BigDecimal> costs = new ArrayList<>();
        if (given.size() == 1) {
            costs.addAll(Collections.nCopies(periodMonths, Money.payable(given.get(0))));
        } else {
            given.forEach(c -> costs.add(Money.payable(c)));
        }
        return costs;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, ZERO);
        return zeros;
    }
}
