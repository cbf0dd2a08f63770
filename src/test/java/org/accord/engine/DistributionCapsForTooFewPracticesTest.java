package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.evaluation.EvaluationService;
import org.accord.settlement.Settlement;
import org.accord.terms.TemplateCatalog;
import org.accord.testing.Engine;
import org.accord.testing.GoldenCases;
import org.junit.jupiter.api.Test;

/**
 * Caps that together come to less than the pool (commercial-global-budget's 0.40 for an IPA of one or two practices)
 * no longer stop the evaluation: a deficit is shared without them, and of a surplus what they cut that no practice can
 * take is retained by the IPA on a line of its own (golden global-budget/one-practice-* and two-practices-*). A rule set
 * stored before settles every case it could settle as the shipped rules do.
 */
class DistributionCapsForTooFewPracticesTest {

    /** rules/distribution/distribution.drl as it was before the change (the shipped text of eeca332). */
    private static final String REFUSED = "engine/distribution-caps-refused-for-too-few-practices";

    private static final RuleBase EARLIER = ReplayedRuleSets.shippedWith(REFUSED, "distribution/distribution.drl");

    @Test
    void aStoredRuleSetSettlesEveryCaseAsTheShippedRulesDo() {
        ReplayedRuleSets.assertSettlesAsShipped(EARLIER, List.of("valley-ipa", "small-panel"), "the cases reach the allocation",
                List.of("The distributable pool is allocated by weight within floors and caps, to the cent"));
    }

    /**
     * The rule that says what the caps cut is retained, when the caps could take the whole pool but no practice with weight
     * is left to take it, now stands aside for the caps that cannot: where the caps could, the stored rule set says it as the
     * shipped rules do (cases left out above as written for earlier fixes of the file).
     */
    private static boolean saidOtherwiseLater(org.accord.settlement.SettlementLine line) {
        return ReplayedRuleSets.saidOtherwiseLater("rules/distribution/distribution.drl", line.rule());
    }

    private static String paid(org.accord.settlement.SettlementLine line) {
        return line.scope() + " " + line.clause() + " " + line.rule() + " " + line.detail() + " " + line.amount();
    }

    @Test
    void whatTheCapsCutIsRetainedAsItWasWhereTheCapsCouldTakeThePool() {
        EvaluationService stored = new EvaluationService(TemplateCatalog.load(), new Evaluator(EARLIER));
        for (String caseFile : List.of("caps-cut-that-no-weighted-practice-can-take-is-retained.yaml",
                "what-the-caps-cut-takes-every-practice-with-weight-to-the-cap-and-the-rest-is-retained.yaml")) {
            GoldenCases.GoldenCase c = GoldenCases.read(GoldenCases.GOLDEN.resolve("distribution").resolve(caseFile));
            Settlement shipped = Engine.service().evaluate(c.choice(), c.facts());
            Settlement replayed = stored.evaluate(c.choice(), c.facts());
            assertThat(shipped.lines()).as(caseFile).anySatisfy(l -> assertThat(l.rule())
                    .isEqualTo("What the caps cut that no practice with weight can take is retained by the IPA"));
            // A practice's sentence names its weight's share in cents since (FloorSaysTheCentsItPaysTest,
            // DistributionSaysTheCentsTheBoundsMoveTest): the lines and findings of the rules said otherwise later are compared by
            // scope, clause, rule, detail and amount, every other one whole.
            assertThat(replayed.lines()).as(caseFile).extracting(DistributionCapsForTooFewPracticesTest::paid)
                    .isEqualTo(shipped.lines().stream().map(DistributionCapsForTooFewPracticesTest::paid).toList());
            assertThat(replayed.lines()).as(caseFile).filteredOn(l -> !saidOtherwiseLater(l))
                    .isEqualTo(shipped.lines().stream().filter(l -> !saidOtherwiseLater(l)).toList());
            assertThat(replayed.findings()).as(caseFile).extracting(DistributionCapsForTooFewPracticesTest::paid)
                    .isEqualTo(shipped.findings().stream().map(DistributionCapsForTooFewPracticesTest::paid).toList());
            assertThat(replayed.findings()).as(caseFile).filteredOn(l -> !saidOtherwiseLater(l))
                    .isEqualTo(shipped.findings().stream().filter(l -> !saidOtherwiseLater(l)).toList());
        }
    }
}
