package org.accord.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.facts.PracticePerformance;
import org.accord.facts.QualityMeasureCount;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class FactsCsvTest {

    private static final PerformanceFacts VALLEY = Json.readFacts(Path.of("examples/valley-ipa.json"));
    private static final PerformanceFacts SMALL_PANEL = Json.readFacts(Path.of("examples/small-panel.json"));

    @Test
    void theCsvExampleHoldsTheSameFactsAsTheJsonExampleAndSettlesTheSame() {
        PerformanceFacts fromCsv = FactsCsv.read(Path.of("examples/valley-ipa.csv"), VALLEY.ipa(), VALLEY.period());
        assertThat(fromCsv).isEqualTo(VALLEY);
        EvaluationService service = EvaluationService.load();
        for (String template : List.of("mssp-basic", "ma-capitation", "medicaid-ffs-p4p")) {
            assertThat(service.evaluate(ContractChoice.of(template), fromCsv))
                    .isEqualTo(service.evaluate(ContractChoice.of(template), VALLEY));
        }
    }

    @Test
    void factsRoundTripThroughCsv() {
        for (PerformanceFacts facts : List.of(VALLEY, SMALL_PANEL)) {
            assertThat(FactsCsv.read(FactsCsv.write(facts), facts.ipa(), facts.period())).isEqualTo(facts);
        }
    }

    @Test
    void optionalColumnsMayBeLeftOutAndEmptyMeasureCellsMeanTheMeasureIsNotReported() {
        String csv = """
                # two practices, the second reports no BCS
                id,attributedMembers,memberMonths,averageRiskScore,totalCostOfCare,measure:BCS:numerator,measure:BCS:denominator
                A,100,1200,1.05,1250000.50,40,60
                B,80,950,0.98,900000,,
                """;
        PerformanceFacts facts = FactsCsv.read(csv, VALLEY.ipa(), VALLEY.period());
        PracticePerformance a = facts.practices().get(0);
        assertThat(a.name()).isNull();
        assertThat(a.feeScheduleAllowedAmount()).isZero();
        assertThat(a.visits()).isZero();
        assertThat(a.qualityMeasures()).containsExactly(new QualityMeasureCount("BCS", 40, 60, 0));
        assertThat(facts.practices().get(1).qualityMeasures()).isEmpty();
        assertThat(facts.practices().get(1).totalCostOfCare()).isEqualByComparingTo("900000");
    }

    @Test
    void aCellThatCannotBeReadIsNamedByItsFieldAndCsvLine() {
        String csv = """
                id,attributedMembers,memberMonths,averageRiskScore,totalCostOfCare,measure:CBP:numerator,measure:CBP:denominator
                A,100,1200,1.05,1250000,40,60
                B,80,many,0.98,,x,50
                """;
        assertThatThrownBy(() -> FactsCsv.read(csv, VALLEY.ipa(), VALLEY.period()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactlyInAnyOrder(
                        new InputProblem("/practices/1/qualityMeasures/0/numerator", "CSV line 3, column measure:CBP:numerator: 'x' is not a whole number"),
                        new InputProblem("/practices/1/memberMonths", "CSV line 3, column memberMonths: 'many' is not a whole number"),
                        new InputProblem("/practices/1/totalCostOfCare", "CSV line 3, column totalCostOfCare: a decimal number is required")));
    }

    @Test
    void unknownMissingAndMalformedColumnsAreNamed() {
        String csv = """
                id,members,memberMonths,averageRiskScore,totalCostOfCare,measure:CBP:numerator,measure:COL
                A,100,1200,1.05,1250000,40,60
                """;
        assertThatThrownBy(() -> FactsCsv.read(csv, VALLEY.ipa(), VALLEY.period()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InputProblem::pointer)
                        .containsExactly("/columns/members", "/columns/measure:COL", "/columns/attributedMembers",
                                "/columns/measure:CBP:denominator"));
    }

    @Test
    void theFactsValidatorNamesCsvRowsByTheSamePointers() {
        String csv = """
                id,attributedMembers,memberMonths,averageRiskScore,totalCostOfCare
                A,100,1200,1.05,1250000
                B,80,-5,0.98,900000
                """;
        PerformanceFacts facts = FactsCsv.read(csv, VALLEY.ipa(), VALLEY.period());
        assertThatThrownBy(() -> EvaluationService.load().evaluate(ContractChoice.of("mssp-basic"), facts))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("/facts/practices/1/memberMonths");
    }
}
