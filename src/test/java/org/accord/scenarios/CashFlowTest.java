package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ContractTemplate;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CashFlowTest {

    private final Scenarios scenarios = Fixtures.scenarios();

    /**
     * Small panel, practice P01 under ma-capitation, costs $22,000 a month.
     * Capitation $284,163.36 over 12 months: 23,680.28 each, exactly.
     * Withhold -$28,416.34 over 12 months: -2,368.028333...; each month -2,368.02 rounded toward zero (-28,416.24 in
     * all), the 10 cents left go one each to the largest remainders, all equal, so to the first ten months:
     * months 1-10 -2,368.03, months 11-12 -2,368.02.
     * Net each month: 21,312.25 - 22,000 = -687.75 (months 1-10), -687.74 (11-12); after month 12: -8,252.98.
     * Reconciliation six months after December 2025, in June 2026 (month 18): withhold returned 14,208.17 plus
     * the distribution 15,657.11 = 29,865.28; cumulative -8,252.98 + 29,865.28 = 21,612.30, the first month above zero.
     */
    @Test
    void aPracticesCumulativeNetTurnsPositiveWhenTheReconciliationArrives() {
        CashFlowResult flow = scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("ma-capitation"), Fixtures.SMALL_PANEL, "P01",
                new BigDecimal("22000")));
        assertThat(flow.months()).hasSize(18);
        assertThat(flow.reconciliationMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(flow.months().get(0).byClause()).containsEntry("capitation", new BigDecimal("23680.28"))
                .containsEntry("withhold", new BigDecimal("-2368.03"));
        assertThat(flow.months().get(9).byClause().get("withhold")).isEqualByComparingTo("-2368.03");
        assertThat(flow.months().get(10).byClause().get("withhold")).isEqualByComparingTo("-2368.02");
        assertThat(flow.months().get(0).net()).isEqualByComparingTo("-687.75");
        assertThat(flow.months().get(11).cumulativeNet()).isEqualByComparingTo("-8252.98");
        assertThat(flow.months().get(12).cost()).isZero();
        assertThat(flow.months().get(17).reconciliation()).isEqualByComparingTo("29865.28");
        assertThat(flow.months().get(17).cumulativeNet()).isEqualByComparingTo("21612.30");
        assertThat(flow.months().subList(0, 17)).allSatisfy(m -> assertThat(m.cumulativeNet()).isNegative());
        assertThat(flow.firstPositiveMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(flow.monthsToFirstPositive()).isEqualTo(18);
    }

    /**
     * Valley IPA under mssp-basic, investing $200,000 a month in care management during 2025: no monthly money
     * from the contract; shared savings of $5,383,653.90 arrive eight months after December, in August 2026,
     * month 20. Cumulative: -2,400,000 from December to July, then +2,983,653.90: value-based money arrives more
     * than a year after the start.
     */
    @Test
    void sharedSavingsArriveMoreThanAYearAfterThePeriodStarts() {
        CashFlowResult flow = scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, null,
                new BigDecimal("200000")));
        assertThat(flow.scope()).isEqualTo("IPA");
        assertThat(flow.reconciliationLagMonths()).isEqualTo(8);
        assertThat(flow.monthsToReconciliation()).isEqualTo(20);
        assertThat(flow.months().get(18).cumulativeNet()).isEqualByComparingTo("-2400000.00");
        assertThat(flow.months().get(19).reconciliation()).isEqualByComparingTo("5383653.90");
        assertThat(flow.months().get(19).cumulativeNet()).isEqualByComparingTo("2983653.90");
        assertThat(flow.firstPositiveMonth()).isEqualTo(YearMonth.of(2026, 8));
        assertThat(flow.monthsToFirstPositive()).isEqualTo(20);
    }

    @Test
    void theLagIsAParameterLikeAnyOther() {
        CashFlowResult flow = scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("mssp-basic").with("reconciliationLagMonths", 12),
                Fixtures.VALLEY, "IPA", new BigDecimal("200000")));
        assertThat(flow.reconciliationMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(flow.months()).hasSize(24);
        assertThat(flow.monthsToFirstPositive()).isEqualTo(24);
    }

    @Test
    void costsBeyondTheMonthsPaidExtendTheTimelineAndMayNeverBeRecovered() {
        List<BigDecimal> costs = new ArrayList<>();
        for (int m = 0; m < 30; m++) {
            costs.add(new BigDecimal("500000"));
        }
        CashFlowResult flow = scenarios.cashFlow(new CashFlowRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, "IPA", costs, null));
        assertThat(flow.months()).hasSize(30);
        assertThat(flow.totalCost()).isEqualByComparingTo("15000000.00");
        assertThat(flow.firstPositiveMonth()).isNull();
        assertThat(flow.monthsToFirstPositive()).isNull();
    }

    /**
     * Costs for three months of a 12-month period were taken as costing nothing in months 4 to 12, without a word ("1,000,000"
     * on the command line came as 1, 000 and 000, found from outside): a list that stops short of the period is refused at
     * the list, one amount for every month and a list for each month are settled, and give the same months.
     */
    @Test
    void aListOfCostsShorterThanThePeriodIsRefusedAndOneAmountIsEveryMonths() {
        List<BigDecimal> three = List.of(new BigDecimal("1"), new BigDecimal("0"), new BigDecimal("0"));
        assertThatThrownBy(() -> scenarios.cashFlow(new CashFlowRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, "IPA", three, null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/monthlyCosts");
                    assertThat(p.reason()).isEqualTo("3 amounts for a period of 12 months (2025-01 to 2025-12): give one amount, for every"
                            + " month, or one for each month of the period from its first, 12 or more (a longer list goes on past the period)");
                }));

        CashFlowResult every = scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, "IPA",
                new BigDecimal("1000000")));
        CashFlowResult monthByMonth = scenarios.cashFlow(new CashFlowRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, "IPA",
                java.util.Collections.nCopies(12, new BigDecimal("1000000")), null));
        assertThat(every.totalCost()).isEqualByComparingTo("12000000.00");
        assertThat(monthByMonth.months()).isEqualTo(every.months());
    }

    @Test
    void payForPerformanceIsPaidAtReconciliationUnlessMonthlyIsChosen() {
        ContractChoice medicaid = ContractChoice.of("medicaid-ffs-p4p");
        CashFlowResult atReconciliation = scenarios.cashFlow(CashFlowRequest.of(medicaid, Fixtures.SMALL_PANEL, "P01", null));
        CashFlowResult monthly = scenarios.cashFlow(new CashFlowRequest(medicaid, Fixtures.SMALL_PANEL, "P01", List.of(), "monthly"));
        // P01's bonuses: 4,900 + 960 + 1,365 + 1,360 + 1,660 = 10,245.00, paid in June 2026, or line by line over
        // the months: 4,900/12 = 408.33 + 4 cents to months 1-4; 960/12 = 80.00; 1,365/12 = 113.75;
        // 1,360/12 = 113.33 + 4 cents to months 1-4; 1,660/12 = 138.33 + 4 cents to months 1-4.
        // Month 1: 408.34 + 80.00 + 113.75 + 113.34 + 138.34 = 853.77; month 12: 408.33 + 80 + 113.75 + 113.33 + 138.33 = 853.74.
        assertThat(atReconciliation.months().get(17).byClause().get("pay-for-performance")).isEqualByComparingTo("10245.00");
        assertThat(monthly.months().get(0).byClause().get("pay-for-performance")).isEqualByComparingTo("853.77");
        assertThat(monthly.months().get(11).byClause().get("pay-for-performance")).isEqualByComparingTo("853.74");
        assertThat(monthly.totalInflow()).isEqualByComparingTo(atReconciliation.totalInflow());
    }

    /**
     * With its bonuses monthly every line of medicaid-ffs-p4p is paid during the period: nothing is paid at reconciliation,
     * so the months end with the period's twelfth (they ran on to an empty month 18, June 2026, the reconciliation's).
     */
    @Test
    void withEveryLinePaidMonthlyTheMonthsEndWithThePeriod() {
        ContractChoice medicaid = ContractChoice.of("medicaid-ffs-p4p");
        CashFlowResult monthly = scenarios.cashFlow(new CashFlowRequest(medicaid, Fixtures.SMALL_PANEL, "IPA", List.of(), "monthly"));
        assertThat(monthly.paysAtReconciliation()).isFalse();
        assertThat(monthly.months()).hasSize(12).allSatisfy(m -> assertThat(m.reconciliation()).isZero());
        assertThat(monthly.months().get(11).month()).isEqualTo(java.time.YearMonth.of(2025, 12));
        // The contract's reconciliation month is still said, as its terms set it: six months after December.
        assertThat(monthly.reconciliationMonth()).isEqualTo(java.time.YearMonth.of(2026, 6));
        // Costs given past the period still run the months on, as far as the costs go.
        CashFlowResult longer = scenarios.cashFlow(new CashFlowRequest(medicaid, Fixtures.SMALL_PANEL, "IPA",
                java.util.Collections.nCopies(14, new BigDecimal("1000")), "monthly"));
        assertThat(longer.months()).hasSize(14);
        // Lines paid at reconciliation that come to $0.00 pay nothing then either: mssp-basic's shared savings, with the
        // IPA's expenditures above a benchmark of $1,000,000.00, are $0.00, and the months end with the period.
        var p = Fixtures.VALLEY.period();
        PerformanceFacts overBenchmark = new PerformanceFacts(Fixtures.VALLEY.ipa(), new org.accord.facts.PerformancePeriod(
                p.performanceYear(), p.start(), p.end(), new BigDecimal("1000000.00"), p.assignedBeneficiaries(), null, null, null),
                Fixtures.VALLEY.practices());
        CashFlowResult noSavings = scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("mssp-basic"), overBenchmark, "IPA", null));
        assertThat(noSavings.lines()).anySatisfy(l -> {
            assertThat(l.clause()).isEqualTo("shared-savings");
            assertThat(l.timing()).isEqualTo("reconciliation");
            assertThat(l.amount()).isZero();
        });
        assertThat(noSavings.paysAtReconciliation()).isFalse();
        assertThat(noSavings.months()).hasSize(12);
        // Bonuses at reconciliation run the months to it.
        CashFlowResult atReconciliation = scenarios.cashFlow(CashFlowRequest.of(medicaid, Fixtures.SMALL_PANEL, "IPA", null));
        assertThat(atReconciliation.paysAtReconciliation()).isTrue();
        assertThat(atReconciliation.months()).hasSize(18);
    }

    static Stream<Arguments> everyTemplateAndScope() {
        List<Arguments> cases = new ArrayList<>();
        for (ContractTemplate template : Fixtures.SERVICE.templates().all()) {
            if (template.clauses().stream().anyMatch(c -> c.concept().equals("payment-timing"))) {
                cases.add(Arguments.of(template.id(), Fixtures.VALLEY, "IPA"));
                cases.add(Arguments.of(template.id(), Fixtures.VALLEY, "P04"));
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        return cases.stream();
    }

    @Test
    void aTemplateThatDoesNotSayWhenReconciliationsArePaidIsRefused() {
        var p = Fixtures.VALLEY.period();
        PerformanceFacts facts = new PerformanceFacts(Fixtures.VALLEY.ipa(), new org.accord.facts.PerformancePeriod(p.performanceYear(),
                p.start(), p.end(), p.benchmarkExpenditure(), p.assignedBeneficiaries(), new BigDecimal("0.90"), null, null),
                Fixtures.VALLEY.practices());
        assertThatThrownBy(() -> scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("mssp-aco-basic-a"), facts, "IPA", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/contract/templateId: template mssp-aco-basic-a has no payment-timing clause");
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("everyTemplateAndScope")
    void theMonthsAddUpToTheSettlementsLinesToTheCent(String templateId, PerformanceFacts facts, String scope) {
        ContractChoice contract = ContractChoice.of(templateId);
        CashFlowResult flow = scenarios.cashFlow(CashFlowRequest.of(contract, facts, scope, new BigDecimal("1000")));
        Settlement settlement = Fixtures.SERVICE.evaluate(contract, facts);
        BigDecimal expected = "IPA".equals(scope) ? settlement.totals().payerTotal()
                : settlement.totals().practices().stream().filter(p -> p.practiceId().equals(scope)).findFirst().orElseThrow().total();
        BigDecimal inflows = flow.months().stream().map(CashFlowResult.Month::inflow).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(inflows).isEqualByComparingTo(expected);
        assertThat(flow.totalInflow()).isEqualByComparingTo(expected);
        // Clause by clause, the months add up to the clause's lines.
        for (String clause : flow.months().get(0).byClause().keySet()) {
            BigDecimal months = flow.months().stream().map(m -> m.byClause().get(clause)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal lines = settlement.lines().stream().filter(l -> l.clause().equals(clause))
                    .filter(l -> "IPA".equals(scope) ? SettlementLine.PAYMENT.equals(l.flow())
                            : l.scope().equals(scope) && !SettlementLine.RETAINED.equals(l.flow()))
                    .map(SettlementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(months).as(clause).isEqualByComparingTo(lines);
        }
        assertThat(flow.months()).allSatisfy(m -> {
            assertThat(m.inflow()).isEqualByComparingTo(m.monthly().add(m.reconciliation()));
            assertThat(m.inflow().scale()).isEqualTo(2);
        });
        assertThat(flow.table().rows()).hasSize(flow.months().size());
    }

    /** A global budget of 0 is refused before any month is projected, as a single evaluation refuses it. */
    @Test
    void aBudgetOfZeroIsRefused() {
        assertThatThrownBy(() -> scenarios.cashFlow(CashFlowRequest.of(ContractChoice.of("commercial-global-budget").with("budgetPmpm", "0"),
                Fixtures.VALLEY, "IPA", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/contract/overrides/budgetPmpm: clause global-budget (Global budget) ")
                .hasMessageEndingWith("a budgetPmpm of 0 makes that budget 0: the whole cost compared with it would be a deficit");
    }

    @Test
    void anUnknownScopeIsNamed() {
        assertThatThrownBy(() -> scenarios.cashFlow(new CashFlowRequest(ContractChoice.of("mssp-basic"), Fixtures.VALLEY, "P99",
                List.of(new BigDecimal("-1")), "quarterly")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.pointer())
                        .containsExactly("/scope", "/monthlyCosts/0", "/payForPerformance"));
    }
}
