package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accord.engine.Evaluator;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.money.Money;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.CombinedContracts;
import org.accord.terms.ContractTemplate;
import org.accord.terms.Terms;
import org.accord.terms.TermsResolver;
import org.accord.testing.Engine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clause families that real contracts combine settle together: every combination under
 * {@code src/test/resources/combinations/} (capitation + withhold + corridor, global budget +
 * corridor, global budget + quality bonus + corridor, fee-for-service + pay-for-performance + care
 * management + shared savings, shared savings + losses + distribution, ...), on the Valley IPA's
 * facts as they are, with the quality gate failed by the payer's finding, and with every practice's
 * cost 10% higher (deficits and losses). Each settles, conserves its pool to the cent and writes a
 * line or a finding for every clause.
 */
class CombinedClausesTest {

    private static final Map<String, ContractTemplate> COMBINATIONS = CombinedContracts.all(Engine.service().templates());
    private static final Evaluator EVALUATOR = new Evaluator(Engine.service().rules());
    private static final PerformanceFacts VALLEY = Engine.example("valley-ipa");

    static Stream<Arguments> combinationsAndFacts() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, PerformanceFacts> facts = Map.of("as reported", VALLEY, "quality gate failed", withPayerFinding(VALLEY, false),
                "costs 10% higher", withCostsScaled(VALLEY, new BigDecimal("1.10")));
        COMBINATIONS.keySet().forEach(combination -> facts.forEach((name, f) -> cases.add(Arguments.of(combination, name, f))));
        return cases.stream();
    }

    @Test
    void theMatrixCoversTheCombinationsRealContractsUse() {
        assertThat(COMBINATIONS).containsKeys("capitation-withhold-corridor", "global-budget-corridor",
                "global-budget-quality-bonus-corridor", "ffs-p4p-care-management-shared-savings", "shared-savings-losses-distribution");
        assertThat(COMBINATIONS).hasSizeGreaterThanOrEqualTo(7);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("combinationsAndFacts")
    void everyCombinationSettlesConservesItsPoolAndWritesALinePerClause(String combination, String factsName, PerformanceFacts facts) {
        ContractTemplate template = COMBINATIONS.get(combination);
        Settlement settlement = EVALUATOR.evaluate(TermsResolver.resolve(template, Map.of(), 2025), facts);

        for (ClauseTemplate clause : template.clauses()) {
            assertThat(Stream.concat(settlement.lines().stream(), settlement.findings().stream()))
                    .as("a line or finding for clause %s", clause.id()).anyMatch(l -> clause.id().equals(l.clause()));
        }
        Settlement.Totals totals = settlement.totals();
        BigDecimal distributed = sum(settlement.lines().stream().filter(l -> SettlementLine.DISTRIBUTED.equals(l.flow())));
        assertThat(distributed.add(totals.retainedByIpa())).as("pool %s split to the cent", totals.ipaPool())
                .isEqualByComparingTo(totals.ipaPool());
        BigDecimal toPractices = totals.practices().stream().map(Settlement.PracticeTotal::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(toPractices.add(totals.retainedByIpa())).as("what the payer pays reaches a practice or the IPA")
                .isEqualByComparingTo(totals.payerTotal());
        for (PracticePerformance practice : facts.practices()) {
            assertThat(settlement.linesFor(practice.id()).stream().filter(l -> l.clause().equals("distribution")))
                    .as("one distribution line for %s", practice.id()).hasSize(1);
        }
    }

    @Test
    @DisplayName("A global budget and a corridor both set a cost target; the distribution measures cost performance against the one it names")
    void theDistributionMeasuresCostPerformanceAgainstTheTargetItNames() {
        Settlement budgetNamed = EVALUATOR.evaluate(TermsResolver.resolve(COMBINATIONS.get("global-budget-corridor"), Map.of(), 2025), VALLEY);
        Settlement corridorNamed = EVALUATOR.evaluate(
                TermsResolver.resolve(COMBINATIONS.get("global-budget-quality-bonus-corridor"), Map.of(), 2025), VALLEY);

        BigDecimal budget = (BigDecimal) finding(budgetNamed, "global-budget", "budget").basis().get("budget");
        BigDecimal corridorTarget = (BigDecimal) finding(corridorNamed, "risk-corridor", "target").basis().get("target");
        // 1,020.00 and 1,050.00 PMPM on the same risk-weighted member months: two different targets.
        assertThat(budget).isNotEqualByComparingTo(corridorTarget);
        assertThat(costTargetsOfCostPerformance(budgetNamed)).containsOnly(budget);
        assertThat(costTargetsOfCostPerformance(corridorNamed)).containsOnly(corridorTarget);
    }

    @Test
    @DisplayName("Fee-for-service, pay-for-performance and care management pay the same whether or not the quality gate is met")
    void clausesThatDoNotConsultTheGatePayTheSameWhenItFails() {
        ContractTemplate template = COMBINATIONS.get("ffs-p4p-care-management-shared-savings");
        Terms terms = TermsResolver.resolve(template, Map.of(), 2025);
        Settlement met = EVALUATOR.evaluate(terms, withPayerFinding(VALLEY, true));
        Settlement failed = EVALUATOR.evaluate(terms, withPayerFinding(VALLEY, false));

        for (String clause : List.of("fee-for-service", "pay-for-performance", "care-management-fee")) {
            assertThat(amounts(failed, clause)).as(clause).isNotEmpty().isEqualTo(amounts(met, clause));
        }
        assertThat(amounts(failed, "shared-savings")).containsOnly(new BigDecimal("0.00"));
    }

    private static List<BigDecimal> costTargetsOfCostPerformance(Settlement settlement) {
        return settlement.findings().stream().filter(f -> f.detail().equals("cost performance") && f.basis().containsKey("costTarget"))
                .map(f -> (BigDecimal) f.basis().get("costTarget")).distinct().toList();
    }

    private static SettlementLine finding(Settlement settlement, String clause, String basisName) {
        return settlement.findings().stream().filter(f -> clause.equals(f.clause()) && f.basis().containsKey(basisName))
                .findFirst().orElseThrow();
    }

    private static List<BigDecimal> amounts(Settlement settlement, String clause) {
        return settlement.lines().stream().filter(l -> l.clause().equals(clause)).map(SettlementLine::amount).toList();
    }

    private static BigDecimal sum(Stream<SettlementLine> lines) {
        return lines.map(SettlementLine::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    static PerformanceFacts withPayerFinding(PerformanceFacts facts, boolean met) {
        PerformancePeriod p = facts.period();
        return new PerformanceFacts(facts.ipa(), new PerformancePeriod(p.performanceYear(), p.start(), p.end(),
                p.benchmarkExpenditure(), p.assignedBeneficiaries(), p.reportedQualityScore(), met, p.lossAdjustment()),
                facts.practices());
    }

    static PerformanceFacts withCostsScaled(PerformanceFacts facts, BigDecimal factor) {
        List<PracticePerformance> practices = facts.practices().stream().map(p -> new PracticePerformance(p.id(), p.name(),
                p.attributedMembers(), p.memberMonths(), p.averageRiskScore(),
                p.totalCostOfCare().multiply(factor).setScale(2, RoundingMode.HALF_EVEN), p.feeScheduleAllowedAmount(), p.visits(),
                p.annualWellnessVisits(), p.edVisits(), p.inpatientAdmissions(), p.qualityMeasures())).toList();
        return new PerformanceFacts(facts.ipa(), facts.period(), practices);
    }
}
