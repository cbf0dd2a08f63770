package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.settlement.Settlement;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * A sentence counting one of a thing says it as one: an IPA of one practice read "Over the 1 practices, quality composites
 * total ..." (found from outside), and the stop-loss and unknown-measure sentences hedged with "practice(s)".
 */
class OneOfAThingSaidAsOneTest {

    @Test
    void theDistributionsTotalsOverOnePracticeSayOnePractice() {
        GoldenCases.GoldenCase golden = GoldenCases.read(GoldenCases.GOLDEN.resolve("global-budget")
                .resolve("one-practice-in-surplus-takes-the-cap-and-the-ipa-retains-the-rest.yaml"));
        Settlement settlement = Engine.service().evaluate(golden.choice(), golden.facts());
        assertThat(settlement.findings()).filteredOn(l -> l.rule().equals("The IPA's totals of quality and cost performance are taken over its practices"))
                .singleElement().satisfies(l -> assertThat(l.explanation()).startsWith("Over the 1 practice, quality composites total "));
    }
}
