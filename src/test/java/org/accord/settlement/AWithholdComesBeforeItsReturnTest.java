package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * A practice's withhold lines read in the order the money moves: the withhold held back from each monthly capitation
 * payment, then what settlement returns of it, on every basis of the return. The all-or-nothing return's rule, "All of
 * the withhold is returned when the quality gate is met", sorted before "The withhold is held back ...", and the return
 * was listed before its withhold.
 */
class AWithholdComesBeforeItsReturnTest {

    private static final PerformanceFacts VALLEY = Engine.example("valley-ipa");

    @Test
    void anAllOrNothingReturnFollowsItsWithhold() {
        assertHeldBackThenReturned(ContractChoice.of("ma-capitation").with("withholdReturnBasis", "all-or-nothing"),
                "All of the withhold is returned when the quality gate is met");
    }

    @Test
    void aLadderReturnFollowsItsWithhold() {
        assertHeldBackThenReturned(ContractChoice.of("ma-capitation").with("withholdReturnBasis", "quality-ladder"),
                "The withhold is returned in the share the quality ladder gives the quality score");
    }

    private static void assertHeldBackThenReturned(ContractChoice contract, String returnedBy) {
        Settlement settlement = Engine.service().evaluate(contract, VALLEY);
        assertThat(settlement.totals().practices()).hasSizeGreaterThan(1).allSatisfy(practice ->
                assertThat(settlement.lines()).filteredOn(l -> l.scope().equals(practice.practiceId()) && l.clause().equals("withhold"))
                        .extracting(l -> l.detail() + ": " + l.rule())
                        .containsExactly("held back: The withhold is held back from each capitation payment", "returned: " + returnedBy));
    }
}
