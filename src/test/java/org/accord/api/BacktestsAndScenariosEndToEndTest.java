package org.accord.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.accord.client.ApiException;
import org.accord.client.api.BacktestsApi;
import org.accord.client.api.ScenariosApi;
import org.accord.client.model.BacktestResult;
import org.accord.client.model.CashFlowMonth;
import org.accord.client.model.CashFlowRequest;
import org.accord.client.model.CashFlowResult;
import org.accord.client.model.CompareRequest;
import org.accord.client.model.ComparisonResult;
import org.accord.client.model.OutcomeSummary;
import org.accord.client.model.ProblemDetail;
import org.accord.client.model.ProposalComparison;
import org.accord.client.model.SimulationOutcome;
import org.accord.client.model.SimulationRequest;
import org.accord.client.model.SimulationResult;
import org.accord.client.model.SweepPoint;
import org.accord.client.model.SweepRequest;
import org.accord.client.model.SweepResult;
import org.accord.client.model.TotalDelta;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the API document posts the shipped CMS file and every example
 * scenario request of {@code examples/scenarios/} to the real server.
 */
class BacktestsAndScenariosEndToEndTest extends ServerTest {

    private <T> T example(String name, Class<T> type) throws Exception {
        return client().getObjectMapper().readValue(Path.of("examples/scenarios/" + name + ".json").toFile(), type);
    }

    @Test
    void theShippedCmsFileIsReproducedRowForRow() throws Exception {
        BacktestResult result = new BacktestsApi(client()).runBacktest(read(BacktestsApiTest.CMS_FILE), null);

        assertThat(result.getLayout()).isEqualTo("mssp-aco-puf-2018");
        assertThat(result.getReproduced()).isEqualTo(548);
        assertThat(result.getUnexplained()).isZero();
        assertThat(result.getTotal()).isEqualTo(548);
        assertThat(result.getMisses()).isEmpty();
    }

    @Test
    void aFileIsReadWithTheLayoutNamedAndItsMissesExplainedByWhatItDoesNotPublish() throws Exception {
        BacktestResult result = new BacktestsApi(client()).runBacktest(read("examples/cms/mssp-aco-puf-2022.csv"), "mssp-aco-puf-2022");

        assertThat(result.getPerformanceYear()).isEqualTo(2022);
        assertThat(result.getReproduced()).isEqualTo(481);
        assertThat(result.getExplained()).isEqualTo(1);
        assertThat(result.getExplainedBy()).containsExactly(java.util.Map.entry("participantRevenue", 1));
        assertThat(result.getUnexplained()).isZero();
        assertThat(result.getMisses()).singleElement().satisfies(m -> assertThat(m.getExplainedBy()).containsExactly("participantRevenue"));
    }

    @Test
    void aFileOfNoKnownLayoutIsAProblemTheClientCanRead() throws Exception {
        ApiException failure = catchThrowableOfType(ApiException.class,
                () -> new BacktestsApi(client()).runBacktest("aco,savings\nA1,12\n", null));

        assertThat(failure.getCode()).isEqualTo(422);
        ProblemDetail problem = client().getObjectMapper().readValue(failure.getResponseBody(), ProblemDetail.class);
        assertThat(problem.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getLocation()).isEqualTo("header");
            assertThat(error.getPointer()).isNull();
        });
    }

    @Test
    void comparesASharingRateProposalAndAnotherTemplateWithTheBaseline() throws Exception {
        ComparisonResult result = new ScenariosApi(client()).compareContracts(example("compare-sharing-rate", CompareRequest.class));

        assertThat(result.getIpaId()).isEqualTo("valley-ipa");
        assertThat(result.getBaseline().getTemplateId()).isEqualTo("mssp-basic");
        assertThat(result.getProposals()).extracting(p -> p.getContract().getTemplateId())
                .containsExactly("mssp-basic", "mssp-enhanced");
        ProposalComparison higherRate = result.getProposals().get(0);
        assertThat(higherRate.getTermDifferences()).singleElement().satisfies(difference -> {
            assertThat(difference.getParameter()).isEqualTo("maximumSharingRate");
            assertThat(difference.getProposalValue()).isEqualTo("0.50");
        });
        for (ProposalComparison proposal : result.getProposals()) {
            assertThat(proposal.getPractices()).hasSize(25);
            for (TotalDelta delta : concat(proposal.getIpaTotals(), proposal.getPractices())) {
                assertThat(delta.getDelta()).as(delta.getItem()).isEqualTo(delta.getProposal().subtract(delta.getBaseline()));
            }
        }
    }

    @Test
    void sweepsTheSharingRateFromFortyToSeventyPercent() throws Exception {
        SweepResult result = new ScenariosApi(client()).sweepTerms(example("sweep-sharing-rate", SweepRequest.class));

        assertThat(result.getParameters()).containsExactly("maximumSharingRate");
        assertThat(result.getPoints()).extracting(p -> p.getValues().get("maximumSharingRate").toPlainString())
                .containsExactly("0.40", "0.45", "0.50", "0.55", "0.60", "0.65", "0.70");
        assertThat(result.getPoints()).extracting(SweepPoint::getTermsHash).doesNotHaveDuplicates();
        assertThat(result.getPoints()).allSatisfy(p -> assertThat(p.getPractices()).hasSize(25));
    }

    @Test
    void sweepsTwoCorridorTermsOverEveryCombination() throws Exception {
        SweepResult result = new ScenariosApi(client()).sweepTerms(example("sweep-corridor", SweepRequest.class));

        // the middle band's edge 0.01 to 0.04 by 0.01 (4 values; 0.05 would meet the outer band's) x its share of gains
        // 0.30 to 0.70 by 0.20 (3 values)
        assertThat(result.getPoints()).hasSize(12);
        assertThat(result.getPoints().get(0).getValues()).containsOnlyKeys("corridorBands[1].threshold", "corridorBands[1].ipaShareOfGains");
        assertThat(result.getPoints().get(1).getValues().get("corridorBands[1].threshold")).isEqualByComparingTo("0.01");
        assertThat(result.getPoints().get(3).getValues().get("corridorBands[1].threshold")).isEqualByComparingTo("0.02");
    }

    @Test
    void simulatesTheSmallPanelsYear() throws Exception {
        SimulationRequest request = example("simulate-small-panel", SimulationRequest.class).trials(200);

        SimulationResult result = new ScenariosApi(client()).simulatePerformanceYears(request);

        assertThat(result.getTrials()).isEqualTo(200);
        assertThat(result.getSeed()).isEqualTo(42L);
        assertThat(result.getModel()).contains("gamma");
        assertThat(result.getIpa().getMembers()).isEqualTo(1310);
        assertThat(result.getPractices()).hasSize(3);
        for (SimulationOutcome outcome : concat(List.of(result.getIpa()), result.getPractices())) {
            assertThat(outcome.getProbabilityOfSavings()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            assertThat(outcome.getProbabilityOfLosses()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            OutcomeSummary payout = outcome.getPayout();
            assertThat(payout.getP5()).isLessThanOrEqualTo(payout.getP50());
            assertThat(payout.getP50()).isLessThanOrEqualTo(payout.getP95());
        }
    }

    @Test
    void laysOutTheCapitationContractsCashFlowByMonth() throws Exception {
        CashFlowResult result = new ScenariosApi(client()).projectCashFlow(example("cashflow-ma-capitation", CashFlowRequest.class));

        assertThat(result.getScope()).isEqualTo("IPA");
        assertThat(result.getFirstMonth()).isEqualTo("2025-01");
        assertThat(result.getMonths().get(0).getMonth()).isEqualTo("2025-01");
        assertThat(result.getMonths()).hasSize(result.getMonthsToReconciliation());
        // the months' inflows add up to the lines' total to the cent
        assertThat(result.getMonths().stream().map(CashFlowMonth::getInflow).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(result.getTotalInflow());
        // the example's one cost, 1,500,000, repeated in each of the period's 12 months
        assertThat(result.getTotalCost()).isEqualByComparingTo("18000000");
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
