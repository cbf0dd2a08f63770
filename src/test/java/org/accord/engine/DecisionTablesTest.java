package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.accord.content.ClasspathFolder;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.builder.Message;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;

/**
 * The decision tables: valid DMN with no gap or overlap (KIE's validator and decision-table
 * analysis), every row reached, and each row's answer as the table states it.
 */
class DecisionTablesTest {

    @Test
    void everyDecisionTableValidatesWithoutGapsOrOverlaps() {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            if (path.endsWith(".dmn")) {
                List<org.kie.dmn.api.core.DMNMessage> messages = validator.validate(
                        new StringReader(new String(bytes, StandardCharsets.UTF_8)),
                        DMNValidator.Validation.VALIDATE_SCHEMA, DMNValidator.Validation.VALIDATE_MODEL,
                        DMNValidator.Validation.VALIDATE_COMPILATION, DMNValidator.Validation.ANALYZE_DECISION_TABLE);
                assertThat(messages.stream().filter(m -> m.getLevel() == Message.Level.ERROR || m.getLevel() == Message.Level.WARNING).toList())
                        .as(path).isEmpty();
            }
        });
        validator.dispose();
    }

    @ParameterizedTest(name = "{0} assigned beneficiaries: MSR range {1}-{2}, rates {3} to {4}")
    @CsvSource({
            "0, 0, 499, 0.122, 0.122", "499, 0, 499, 0.122, 0.122", "500, 500, 999, 0.122, 0.087", "1000, 1000, 2999, 0.087, 0.050",
            "3000, 3000, 4999, 0.050, 0.039", "5451, 5000, 5999, 0.039, 0.036", "6000, 6000, 6999, 0.036, 0.034",
            "7999, 7000, 7999, 0.034, 0.032", "8000, 8000, 8999, 0.032, 0.031", "9500, 9000, 9999, 0.031, 0.030",
            "13085, 10000, 14999, 0.030, 0.027", "15000, 15000, 19999, 0.027, 0.025", "39400, 20000, 49999, 0.025, 0.022",
            "50000, 50000, 59999, 0.022, 0.020", "60000, 60000, 60000, 0.020, 0.020", "250000, 60000, 60000, 0.020, 0.020"})
    void theMinimumSavingsRateTableAnswersEachRow(int beneficiaries, String start, String end, String low, String high) {
        Map<String, Object> row = Engine.service().rules().decisionTables()
                .decide("Minimum savings rate by assigned population", "Assigned beneficiaries", beneficiaries);
        assertThat((BigDecimal) row.get("range start")).isEqualByComparingTo(start);
        assertThat((BigDecimal) row.get("range end")).isEqualByComparingTo(end);
        assertThat((BigDecimal) row.get("rate at range start")).isEqualByComparingTo(low);
        assertThat((BigDecimal) row.get("rate at range end")).isEqualByComparingTo(high);
    }

    /** The ladders are scales in the templates now: each rung as the template states it, read as a step. */
    @ParameterizedTest(name = "quality score {0}: {1} of the withhold returned, bonus {2} of budget")
    @CsvSource({"0, 0, 0", "0.4999, 0, 0", "0.50, 0.50, 0", "0.60, 0.50, 0.02", "0.6999, 0.50, 0.02", "0.70, 0.75, 0.04",
            "0.80, 0.75, 0.07", "0.85, 1, 0.07", "0.90, 1, 0.10", "1, 1, 0.10"})
    void theQualityLaddersAnswerEachRung(String score, String returned, String bonus) {
        assertThat(shippedClause("ma-capitation", "withhold").rateAt("withholdReturnLadder", new BigDecimal(score)))
                .isEqualByComparingTo(returned);
        assertThat(shippedClause("commercial-global-budget", "quality-bonus").rateAt("qualityBonusLadder", new BigDecimal(score)))
                .isEqualByComparingTo(bonus);
    }

    private static Clause shippedClause(String template, String clauseId) {
        org.accord.terms.Terms terms = org.accord.terms.TermsResolver.resolve(
                org.accord.terms.TemplateCatalog.load().find(template).orElseThrow(), Map.of(), 2025);
        return new Clause(null, terms.clauses().stream().filter(c -> c.id().equals(clauseId)).findFirst().orElseThrow());
    }

    @Test
    void everyRowOfEveryTableIsReachedByTheCasesAbove() {
        DMNRuntime runtime = Engine.service().rules().decisionTables().runtime();
        Set<String> reached = new TreeSet<>();
        runtime.addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                event.getSelected().forEach(i -> reached.add(event.getDecisionTableName() + " row " + i));
            }
        });
        Set<String> all = new TreeSet<>();
        List<Object[]> inputs = new ArrayList<>();
        for (int n : new int[] {0, 500, 1000, 3000, 5451, 6000, 7999, 8000, 9500, 13085, 15000, 39400, 50000, 60000}) {
            inputs.add(new Object[] {"Minimum savings rate by assigned population", "Assigned beneficiaries", new BigDecimal(n)});
        }
        for (Object[] input : inputs) {
            DMNModel model = runtime.getModels().stream().filter(m -> m.getName().equals(input[0])).findFirst().orElseThrow();
            DMNContext context = runtime.newContext();
            context.set((String) input[1], input[2]);
            DMNResult result = runtime.evaluateAll(model, context);
            assertThat(result.hasErrors()).as(result.getMessages().toString()).isFalse();
        }
        for (DMNModel model : runtime.getModels()) {
            model.getDecisions().forEach(d -> {
                var table = (org.kie.dmn.model.api.DecisionTable) d.getDecision().getExpression();
                for (int i = 1; i <= table.getRule().size(); i++) {
                    all.add(table.getOutputLabel() + " row " + i);
                }
            });
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(all);
    }
}
