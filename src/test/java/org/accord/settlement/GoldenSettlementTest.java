package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.accord.evaluation.EvaluationService;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.accord.testing.GoldenCases.GoldenCase;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Golden settlements as data: {@code src/test/resources/golden/<concept>/<case>.yaml} (the template,
 * the changed terms and only the facts that matter over {@code golden/defaults.yaml}), each with a
 * description, the hand derivation of its numbers and the expected lines (amounts to the cent, with
 * the rule that wrote each and its explanation), findings (basis numbers, compared at the precision
 * written; a finding may also pin its rule and explanation) and totals. A reviewer adds a case
 * without writing Java.
 */
class GoldenSettlementTest {

    @TestFactory
    Stream<DynamicNode> everyGoldenCaseSettlesAsDerived() {
        EvaluationService service = Engine.service();
        return GoldenCases.concepts().stream().<DynamicNode>map(concept -> DynamicContainer.dynamicContainer(
                concept.getFileName().toString(), GoldenCases.files(concept).stream().map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(), () -> check(service, GoldenCases.read(file))))));
    }

    private static void check(EvaluationService service, GoldenCase golden) {
        Settlement settlement = service.evaluate(golden.choice(), golden.facts());
        String why = golden.description();
        JsonNode expectedNode = golden.expected();
        for (JsonNode expected : expectedNode.get("lines")) {
            assertThat(expected.has("rule") && expected.has("explanation"))
                    .as("%s: a case names the rule and the explanation of every line it expects: %s", golden.file(), expected)
                    .isTrue();
        }

        for (JsonNode expected : expectedNode.get("lines")) {
            List<SettlementLine> matches = matching(settlement.lines(), expected);
            assertThat(matches).as("%s: one line for %s", why, expected).hasSize(1);
            assertThat(matches.get(0).amount()).as("%s: %s (%s)", why, expected, matches.get(0).explanation())
                    .isEqualByComparingTo(expected.get("amount").asString());
            checkRuleAndExplanation(why, expected, matches.get(0));
        }
        for (JsonNode expected : expectedNode.path("findings")) {
            List<SettlementLine> matches = matching(settlement.findings(), expected).stream()
                    .filter(f -> f.basis().keySet().containsAll(names(expected.get("basis")))).toList();
            assertThat(matches).as("%s: one finding for %s", why, expected).hasSize(1);
            expected.get("basis").properties().forEach(e -> {
                BigDecimal want = new BigDecimal(e.getValue().asString());
                BigDecimal actual = new BigDecimal(matches.get(0).basis().get(e.getKey()).toString())
                        .setScale(Math.max(want.scale(), 0), RoundingMode.HALF_EVEN);
                assertThat(actual).as("%s: %s of %s", why, e.getKey(), matches.get(0).explanation()).isEqualByComparingTo(want);
            });
            checkRuleAndExplanation(why, expected, matches.get(0));
        }
        JsonNode totals = expectedNode.path("totals");
        if (!totals.isMissingNode()) {
            assertThat(settlement.totals().payerTotal()).as(why).isEqualByComparingTo(totals.get("payerTotal").asString());
            assertThat(settlement.totals().ipaPool()).as(why).isEqualByComparingTo(totals.get("ipaPool").asString());
            assertThat(settlement.totals().retainedByIpa()).as(why).isEqualByComparingTo(totals.get("retainedByIpa").asString());
            totals.get("practices").properties().forEach(e -> assertThat(settlement.totals().practices().stream()
                    .filter(p -> p.practiceId().equals(e.getKey())).findFirst().orElseThrow().total())
                    .as("%s: total of %s", why, e.getKey()).isEqualByComparingTo(e.getValue().asString()));
        }
    }

    /** A case may also pin the rule that wrote a line and its explanation, word for word. */
    private static void checkRuleAndExplanation(String why, JsonNode expected, SettlementLine actual) {
        if (expected.has("rule")) {
            assertThat(actual.rule()).as("%s: rule of %s", why, expected).isEqualTo(expected.get("rule").asString());
        }
        if (expected.has("explanation")) {
            assertThat(actual.explanation()).as("%s: explanation of %s", why, expected).isEqualTo(expected.get("explanation").asString());
        }
    }

    private static List<SettlementLine> matching(List<SettlementLine> lines, JsonNode expected) {
        return lines.stream()
                .filter(l -> l.scope().equals(expected.get("scope").asString()))
                // a finding of the contract as a whole names no clause
                .filter(l -> java.util.Objects.equals(l.clause(), expected.hasNonNull("clause") ? expected.get("clause").asString() : null))
                .filter(l -> !expected.has("detail") || l.detail().equals(expected.get("detail").asString()))
                .toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
