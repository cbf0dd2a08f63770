package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.terms.ConceptRegistry;
import org.accord.terms.Terms;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * A settlement lists the lines about the rungs of a scale (a corridor's bands) in the scale's order, by the rung's number,
 * whichever rules wrote them; every other line keeps its place (scope, clause, rule, detail).
 */
class LinesInScaleOrderTest {

    /**
     * Band [1] is paid a cent off its share rounded alone, by a rule of its own whose name sorts after the other bands'
     * rule: the lines listed [0], [2], [1].
     */
    @Test
    void aCorridorsBandLinesComeInBandOrder() {
        GoldenCases.GoldenCase golden = GoldenCases.read(GoldenCases.GOLDEN.resolve("risk-corridor")
                .resolve("the-corridor-pays-the-sum-over-its-bands-rounded-once.yaml"));
        Settlement settlement = Engine.service().evaluate(golden.choice(), golden.facts());
        assertThat(settlement.lines()).filteredOn(l -> "risk-corridor".equals(l.clause())).extracting(SettlementLine::detail)
                .containsExactly("corridorBands[0]", "corridorBands[1]", "corridorBands[2]");
        assertThat(settlement.findings()).filteredOn(l -> "risk-corridor".equals(l.clause())).extracting(SettlementLine::detail)
                .containsExactly("", "corridorBands[0]", "corridorBands[1]", "corridorBands[2]", "");
    }

    /** Rung numbers compare as numbers ([10] after [2]), and the rungs take the place of the scale's first rule. */
    @Test
    void rungsAreOrderedByNumberAtTheirFirstRulesPlace() {
        PerformanceFacts facts = Json.readFacts(Path.of("examples/valley-ipa.json"));
        Terms terms = Engine.service().check(ContractChoice.of("mssp-basic"), facts);
        String clause = terms.clauses().get(0).id();
        List<SettlementLine> written = new ArrayList<>(List.of(
                finding(clause, "S after the scale", ""), finding(clause, "R the other rungs", "scale[10]"),
                finding(clause, "R a rung paid otherwise", "scale[2]"), finding(clause, "R the other rungs", "scale[1]"),
                finding(clause, "Q before the scale", "")));
        // Every other clause settled, as assembly requires.
        terms.clauses().stream().skip(1).forEach(c -> written.add(finding(c.id(), "Settled", "")));
        Settlement settlement = SettlementAssembler.assemble(terms, facts, written, "sha256:rules");
        assertThat(settlement.findings()).filteredOn(l -> clause.equals(l.clause())).extracting(l -> l.rule() + " " + l.detail()).containsExactly(
                "Q before the scale ", "R the other rungs scale[1]", "R a rung paid otherwise scale[2]", "R the other rungs scale[10]",
                "S after the scale ");
    }

    /**
     * Every golden case's lines and findings not about a rung stand in the order they always had, but for a clause's lines
     * its concept pays monthly, which come before the lines it settles later (07ec646: the withhold held back before an
     * all-or-nothing return, whose rule sorts first; golden capitation/all-of-the-withhold-returned-*).
     */
    @Test
    void everyOtherLineKeepsItsPlace() {
        for (GoldenCases.GoldenCase golden : GoldenCases.all()) {
            Settlement settlement = Engine.service().evaluate(golden.choice(), golden.facts());
            List<String> clauses = new ArrayList<>(settlement.contract().terms().keySet());
            Map<String, List<String>> monthlyLines = new java.util.HashMap<>();
            Engine.service().check(golden.choice(), golden.facts()).clauses().forEach(c -> monthlyLines.put(c.id(),
                    ConceptRegistry.shipped().find(c.concept()).map(concept -> concept.timing().monthlyLines()).orElse(List.of())));
            List<String> practices = settlement.totals().practices().stream().map(Settlement.PracticeTotal::practiceId).toList();
            Comparator<SettlementLine> before = Comparator
                    .<SettlementLine>comparingInt(l -> l.scope().equals("IPA") ? -1 : practices.indexOf(l.scope()))
                    .thenComparingInt(l -> clauses.indexOf(l.clause()))
                    .thenComparing(l -> !monthlyLines.getOrDefault(l.clause(), List.of()).contains(l.detail()))
                    .thenComparing(SettlementLine::rule).thenComparing(SettlementLine::detail);
            for (List<SettlementLine> list : List.of(settlement.lines(), settlement.findings())) {
                List<SettlementLine> others = list.stream().filter(l -> !l.detail().matches(".+\\[[0-9]+]")).toList();
                assertThat(others).as(golden.file().toString()).isSortedAccordingTo(before);
            }
        }
    }

    private static SettlementLine finding(String clause, String rule, String detail) {
        return SettlementLine.explainedLater("IPA", clause, null, (BigDecimal) null, Map.of(), "Found.", rule, detail);
    }
}
