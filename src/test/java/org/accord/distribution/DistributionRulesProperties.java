package org.accord.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PerformancePeriod;
import org.accord.facts.PracticePerformance;
import org.accord.money.Money;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * The floor-and-cap solver written in rules/distribution/distribution.drl settles every practice within a
 * cent, and one more for each part Allocation rounded across a bound, of {@link Allocation} (the solver the
 * rules called before, kept for stored rule sets) for the same
 * pool, weights, floor and cap, and never outside the floor's and the cap's amounts of the pool where cents
 * can meet them all (Allocation's largest remainder could give a capped practice the odd cent above its cap,
 * or leave a floored one a fraction of a cent below its floor); its parts, with what the IPA retains, are the
 * pool. Checked through the engine on generated practices; a failure prints the shrunk case and the seed
 * (replay with -DQT_SEED=...).
 */
class DistributionRulesProperties {

    private static final String[] FLOORS = {"0", "0.02", "0.05"};
    private static final String[] CAPS = {"1", "0.25", "0.35", "0.5"};

    private final EvaluationService service = Engine.service();

    @Test
    void theRulesSplitThePoolAsTheJavaSolverDidAndConserveItToTheCent() {
        qt().withExamples(60).forAll(lists().of(integers().between(1, 5000)).ofSizeBetween(4, 16),
                integers().between(0, FLOORS.length - 1), integers().between(0, CAPS.length - 1), integers().between(1, 300000))
                .checkAssert(this::theRulesSplitThePoolAsTheJavaSolverDid);
    }

    private void theRulesSplitThePoolAsTheJavaSolverDid(List<Integer> memberMonths, int floorAt, int capAt, int savedDollars) {
        BigDecimal floor = new BigDecimal(FLOORS[floorAt]);
        BigDecimal cap = new BigDecimal(CAPS[capAt]);
        if (cap.multiply(BigDecimal.valueOf(memberMonths.size())).compareTo(BigDecimal.ONE) < 0) {
            cap = BigDecimal.ONE;
        }
        BigDecimal benchmark = new BigDecimal("1000000.00");
        List<PracticePerformance> practices = new ArrayList<>();
        for (int i = 0; i < memberMonths.size(); i++) {
            BigDecimal cost = i == 0 ? benchmark.subtract(BigDecimal.valueOf(savedDollars)) : BigDecimal.ZERO;
            practices.add(new PracticePerformance(String.format("P%02d", i), "Practice", (memberMonths.get(i) + 11) / 12, memberMonths.get(i), BigDecimal.ONE,
                    cost, BigDecimal.ZERO, 0, 0, 0, 0, List.of()));
        }
        PerformanceFacts facts = new PerformanceFacts(new PerformanceFacts.Ipa("ipa", "IPA"),
                new PerformancePeriod(2025, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), benchmark, null,
                        new BigDecimal("0.90"), true, null), practices);
        Settlement settled = service.evaluate(ContractChoice.of("mssp-basic")
                .with("minimumSavingsRateBasis", "elected").with("electedMinimumSavingsRate", "0")
                .with("adminFeeRate", "0").with("reserveRate", "0")
                .with("memberMonthsWeight", "1").with("qualityWeight", "0").with("costPerformanceWeight", "0")
                .with("practiceFloorShare", floor.toPlainString()).with("practiceCapShare", cap.toPlainString()), facts);

        SettlementLine allocation = settled.findings().stream()
                .filter(f -> "distribution".equals(f.clause()) && "allocation".equals(f.detail())).findFirst().orElseThrow();
        BigDecimal pool = new BigDecimal(allocation.basis().get("pool").toString());
        assertThat(pool).isPositive();
        int total = memberMonths.stream().mapToInt(Integer::intValue).sum();
        List<BigDecimal> weights = memberMonths.stream().map(m -> Money.divide(m, total)).toList();
        List<Allocation.Part> java = Allocation.parts(pool, weights, floor, cap);

        BigDecimal payablePool = Money.payable(pool);
        BigDecimal floorAmount = floor.multiply(payablePool);
        BigDecimal capAmount = cap.multiply(payablePool);
        BigDecimal retainedByJava = Allocation.retained(pool, java);
        // Cents can keep every practice within the bounds when the floors rounded up fit in the pool and, with
        // nothing retained, the caps rounded down reach it.
        BigDecimal floorsRoundedUp = floorAmount.setScale(2, RoundingMode.CEILING).multiply(BigDecimal.valueOf(practices.size()));
        BigDecimal capsRoundedDown = capAmount.setScale(2, RoundingMode.FLOOR).multiply(BigDecimal.valueOf(practices.size()));
        boolean centsCanMeetTheBounds = floorsRoundedUp.compareTo(payablePool) <= 0
                && (retainedByJava.signum() != 0 || capsRoundedDown.compareTo(payablePool) >= 0);
        // Each part Allocation rounded across a bound moves a cent back within it, and another part takes or
        // gives that cent: a part may differ from Allocation's by a cent of its own and one for each of those.
        long crossings = java.stream().filter(p -> p.amount().compareTo(floorAmount) < 0 || p.amount().compareTo(capAmount) > 0).count();
        BigDecimal apart = new BigDecimal("0.01").multiply(BigDecimal.valueOf(crossings + 1));
        BigDecimal paid = BigDecimal.ZERO;
        for (int i = 0; i < practices.size(); i++) {
            String id = practices.get(i).id();
            List<BigDecimal> lines = settled.lines().stream()
                    .filter(l -> l.clause().equals("distribution") && l.scope().equals(id)).map(SettlementLine::amount).toList();
            assertThat(lines).as(id).hasSize(1);
            BigDecimal amount = lines.get(0);
            assertThat(amount.subtract(java.get(i).amount()).abs()).as(id + " against " + java.get(i).amount()).isLessThanOrEqualTo(apart);
            if (centsCanMeetTheBounds) {
                assertThat(amount).as(id + " within the floor").isGreaterThanOrEqualTo(floorAmount);
                assertThat(amount).as(id + " within the cap").isLessThanOrEqualTo(capAmount);
            }
            assertThat(amount.scale()).isEqualTo(2);
            paid = paid.add(amount);
        }
        BigDecimal retained = settled.lines().stream()
                .filter(l -> l.clause().equals("distribution") && "retained by the caps".equals(l.detail()))
                .map(SettlementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(retained.subtract(retainedByJava).abs()).isLessThanOrEqualTo(apart);
        assertThat(paid.add(retained)).isEqualByComparingTo(payablePool);
    }
}
