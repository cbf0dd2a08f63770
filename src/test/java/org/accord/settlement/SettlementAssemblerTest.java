package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.terms.Terms;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/** What assembly refuses to put into a settlement. */
class SettlementAssemblerTest {

    /** The engine decides a payable line's flow as it writes the line; assembly never guesses one. */
    @Test
    void aPayableLineWithoutItsFlowIsAnEngineProblem() throws Exception {
        PerformanceFacts facts = Json.readFacts(Path.of("examples/valley-ipa.json"));
        Terms terms = Engine.service().check(ContractChoice.of("mssp-basic"), facts);
        String clause = terms.clauses().get(0).id();
        SettlementLine noFlow = SettlementLine.explainedLater("IPA", clause, null, new BigDecimal("10.00"), Map.of(),
                "Paid.", "A rule that pays", null);

        assertThatThrownBy(() -> SettlementAssembler.assemble(terms, facts, List.of(noFlow), "sha256:rules"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a payable line of clause " + clause + " (A rule that pays) has no flow");
    }
}
