package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * The cost compared with the targets is a finding of the contract as a whole (rules/cost/compared-cost.drl belongs to no
 * clause): it names no clause, where it was found under the contract's first clause by id, about which it says nothing (an
 * outside tester's finding F9). A rule set stored before settles every case as the shipped rules do, that clause aside
 * (a run it settled replays identical with the current rules too: FindingsOfTheContractStoredUnderAClauseTest).
 */
class CostComparedFoundOfTheContractTest {

    /** rules/cost/compared-cost.drl as it was before the change (the shipped text of 102ba93). */
    private static final String FOUND_UNDER_THE_FIRST_CLAUSE = "engine/cost-compared-found-under-the-first-clause";

    private static final String COMPARED_COST =
            "The cost compared with the targets is the total cost of care less what the contract leaves out of it";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(FOUND_UNDER_THE_FIRST_CLAUSE, "cost/compared-cost.drl");

    private static final String STOP_LOSS = "members-above-the-attachment-point-leave-their-reimbursed-cost-out.yaml";

    @Test
    void theShippedRulesFindItOfTheContractBeforeTheClausesFindings() {
        GoldenCases.GoldenCase golden = GoldenCases.read(GoldenCases.GOLDEN.resolve("stop-loss").resolve(STOP_LOSS));
        Settlement shipped = Engine.service().evaluate(golden.choice(), golden.facts());

        SettlementLine compared = shipped.findings().get(0);
        assertThat(compared.rule()).isEqualTo(COMPARED_COST);
        assertThat(compared.clause()).isNull();
        assertThat(shipped.findings()).filteredOn(f -> f.clause() == null).containsExactly(compared);
    }

    @Test
    void aStoredRuleSetFoundItUnderTheContractsFirstClauseById() {
        Settlement earlier = ReplayedRuleSets.settledWith(EARLIER, "stop-loss", STOP_LOSS);

        SettlementLine compared = earlier.findings().stream().filter(f -> f.rule().equals(COMPARED_COST)).findFirst().orElseThrow();
        assertThat(compared.clause()).isEqualTo(new TreeSet<>(earlier.contract().terms().keySet()).first());
    }

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "every settlement finds the cost compared",
                List.of(COMPARED_COST));
    }
}
