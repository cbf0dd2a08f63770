package org.accord.engine;

import java.util.Set;
import org.kie.api.KieBase;

/**
 * A KIE base of some of a rule set's files, the ones a group of contracts need (issue 15:
 * {@link RuleFileIndex}), or of all of them, with its pooled sessions and what the evaluator asks
 * of the rules it holds. Settlements name the whole rule set's hash whichever files settled them:
 * the files left out cannot fire for those contracts.
 */
final class RuleSelection {

    private final Set<String> files;
    private final KieBase kieBase;
    private final Sessions sessions;
    private final boolean totalsByRule;
    private final boolean linesGlobal;
    private final boolean measuresAsFacts;

    RuleSelection(Set<String> files, KieBase kieBase) {
        this.files = files;
        this.kieBase = kieBase;
        this.sessions = new Sessions(kieBase);
        this.totalsByRule = kieBase.getRule("org.accord.rules", Evaluator.TOTALS_RULE) != null;
        this.linesGlobal = Evaluator.declaresGlobal(kieBase, Evaluator.LINES);
        this.measuresAsFacts = Evaluator.matchesFactsOf(kieBase, Measure.class);
    }

    /** The rule files whose rules the base holds, {@code rules/<path>}. */
    Set<String> files() {
        return files;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Sessions for evaluations settled one at a time. */
    Sessions sessions() {
        return sessions;
    }

    /** Whether the IPA's totals are the rules' (rules/ipa/totals.drl) rather than summed by the evaluator. */
    boolean totalsByRule() {
        return totalsByRule;
    }

    /** Whether the rules write their lines to the global {@code lines} rather than inserting them as facts. */
    boolean linesGlobal() {
        return linesGlobal;
    }

    /** Whether a rule matches {@link Measure} facts, so that the measures are inserted as facts too. */
    boolean measuresAsFacts() {
        return measuresAsFacts;
    }
}
