package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.io.Json;
import org.accord.money.Money;
import org.accord.testing.Decimals;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * Invariants of settlements, checked through the engine on generated facts. A failure prints the
 * shrunk case and the seed (replay with -DQT_SEED=...).
 */
class SettlementProperties {

    private final EvaluationService service = Engine.service();

    private static PerformanceFacts ipa(BigDecimal benchmark, BigDecimal expenditure, int members, BigDecimal qualityScore,
            Boolean metStandard, List<QualityMeasureCount> measures) {
        PracticePerformance p = new PracticePerformance("P1", "Practice", members, members * 12, BigDecimal.ONE,
                expenditure, BigDecimal.ZERO, 0, 0, 0, 0, measures);
        return new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"),
                new PerformancePeriod(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), benchmark, null,
                        qualityScore, metStandard, null), List.of(p));
    }

    private BigDecimal clauseTotal(Settlement s, String clause) {
        return Money.sum(s.lines().stream().filter(l -> l.clause().equals(clause)).map(SettlementLine::amount).toList());
    }

    @Test
    void sharedSavingsNeverDecreaseWhenExpendituresFall() {
        qt().withExamples(60).forAll(Decimals.between("1000000", "900000000", 2), Decimals.between("0.70", "1.20", 4),
                Decimals.between("0.0001", "0.10", 4), integers().between(100, 80000))
                .checkAssert(this::sharedSavingsNeverDecreaseWhenExpendituresFall);
    }

    private void sharedSavingsNeverDecreaseWhenExpendituresFall(BigDecimal benchmark, BigDecimal costRatio, BigDecimal fall, int members) {
        BigDecimal higher = benchmark.multiply(costRatio).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal lower = higher.subtract(benchmark.multiply(fall)).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN);
        for (String template : List.of("mssp-basic", "mssp-enhanced")) {
            List<Settlement> both = service.evaluateEach(List.of(ContractChoice.of(template)), ipa(benchmark, higher, members,
                    new BigDecimal("0.9"), true, List.of()));
            Settlement atHigher = both.get(0);
            Settlement atLower = service.evaluate(ContractChoice.of(template), ipa(benchmark, lower, members, new BigDecimal("0.9"), true, List.of()));
            assertThat(clauseTotal(atLower, "shared-savings")).as(template).isGreaterThanOrEqualTo(clauseTotal(atHigher, "shared-savings"));
            assertThat(atLower.totals().payerTotal()).as(template).isGreaterThanOrEqualTo(atHigher.totals().payerTotal());
        }
    }

    @Test
    void theCorridorSettlementIsContinuousAtEveryBandEdge() {
        qt().withExamples(40).forAll(integers().between(100, 50000), integers().between(0, 3))
                .checkAssert(this::theCorridorSettlementIsContinuousAtEveryBandEdge);
    }

    private void theCorridorSettlementIsContinuousAtEveryBandEdge(int members, int edge) {
        // Target: 1,050.00 PMPM x 12 months x members at risk score 1. Edges at -5%, -2%, +2%, +5% of target.
        BigDecimal target = new BigDecimal("1050.00").multiply(BigDecimal.valueOf(12L * members));
        BigDecimal ratio = new BigDecimal[] {new BigDecimal("0.95"), new BigDecimal("0.98"), new BigDecimal("1.02"), new BigDecimal("1.05")}[edge];
        BigDecimal atEdge = target.multiply(ratio).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal cent = new BigDecimal("0.01");
        List<Settlement> around = service.evaluateAll(
                List.of(ContractChoice.of("ma-capitation"), ContractChoice.of("ma-capitation"), ContractChoice.of("ma-capitation")),
                List.of(ipa(null, atEdge.subtract(cent), members, new BigDecimal("0.9"), true, List.of()),
                        ipa(null, atEdge, members, new BigDecimal("0.9"), true, List.of()),
                        ipa(null, atEdge.add(cent), members, new BigDecimal("0.9"), true, List.of())));
        BigDecimal below = clauseTotal(around.get(0), "risk-corridor");
        BigDecimal at = clauseTotal(around.get(1), "risk-corridor");
        BigDecimal above = clauseTotal(around.get(2), "risk-corridor");
        // A cent of cost moves the settlement by at most a cent of share plus a cent of rounding per band.
        assertThat(below.subtract(at).abs()).isLessThanOrEqualTo(new BigDecimal("0.04"));
        assertThat(above.subtract(at).abs()).isLessThanOrEqualTo(new BigDecimal("0.04"));
    }

    @Test
    void nothingIsPaidForQualityWhenTheQualityGateFails() {
        qt().withExamples(40).forAll(Decimals.between("0.50", "0.99", 4), integers().between(1000, 60000))
                .checkAssert(this::nothingIsPaidForQualityWhenTheQualityGateFails);
    }

    private void nothingIsPaidForQualityWhenTheQualityGateFails(BigDecimal costRatio, int members) {
        BigDecimal benchmark = new BigDecimal("1020.00").multiply(BigDecimal.valueOf(12L * members));
        PerformanceFacts failing = ipa(benchmark, benchmark.multiply(costRatio).setScale(2, RoundingMode.HALF_EVEN), members,
                new BigDecimal("0.95"), false, List.of());
        List<Settlement> settled = service.evaluateEach(List.of(ContractChoice.of("mssp-basic"), ContractChoice.of("mssp-enhanced"),
                ContractChoice.of("commercial-global-budget").with("practiceCapShare", "1"), ContractChoice.of("ma-capitation")), failing);
        assertThat(clauseTotal(settled.get(0), "shared-savings")).isZero();
        assertThat(clauseTotal(settled.get(1), "shared-savings")).isZero();
        assertThat(clauseTotal(settled.get(2), "global-budget")).isZero();
        assertThat(settled.get(3).lines().stream().filter(l -> l.clause().equals("withhold") && l.detail().equals("returned"))
                .map(SettlementLine::amount)).allMatch(a -> a.signum() == 0);
    }

    @Test
    void anEvaluationIsDeterministicAndABatchSettlesEachAsAlone() {
        qt().withExamples(15).forAll(integers().between(0, 4)).checkAssert(this::anEvaluationIsDeterministicAndABatchSettlesEachAsAlone);
    }

    private void anEvaluationIsDeterministicAndABatchSettlesEachAsAlone(int which) {
        String template = List.of("mssp-basic", "mssp-enhanced", "commercial-global-budget", "ma-capitation", "medicaid-ffs-p4p").get(which);
        PerformanceFacts valley = Engine.example("valley-ipa");
        PerformanceFacts small = Engine.example("small-panel");
        String once = Json.write(service.evaluate(ContractChoice.of(template), valley));
        String again = Json.write(service.evaluate(ContractChoice.of(template), valley));
        assertThat(again).isEqualTo(once);
        List<Settlement> batch = service.evaluateAll(List.of(ContractChoice.of(template),
                ContractChoice.of(template)), List.of(small, valley));
        assertThat(Json.write(batch.get(1))).isEqualTo(once);
    }
}
