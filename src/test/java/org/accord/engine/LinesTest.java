package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.content.ClasspathFolder;
import org.accord.terms.ClauseTerms;
import org.accord.testing.Engine;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;

/** The rules write their lines to the global lines; only the lines a rule reads are facts (issue 15). */
class LinesTest {

    private static final String POOL_RULE = "The IPA's pool is the sum of the payer's IPA-level lines";
    private static final String OWED_RULE = "Shared losses owed under an unchecked revenue-based limit need participant revenue";

    @Test
    void onlyThePayableLinesToTheIpaAreInsertedAsFactsAndEveryLineIsKeptInTheOrderWritten() {
        List<Object> facts = new ArrayList<>();
        Lines lines = new Lines(facts::add);
        Clause clause = new Clause(new Evaluation(0), new ClauseTerms("losses", "shared-losses", "Shared losses", List.of(), Map.of()));
        RuleImpl rule = new RuleImpl("Shared losses are owed");
        rule.addMetaAttribute("explanation", "Owed.");

        Line finding = Line.of(clause, rule).finds();
        Line practiceLine = Line.of(clause, rule).forScope("P1").pays(new BigDecimal("-1.00"));
        Line ipaLine = Line.of(clause, rule).pays(new BigDecimal("-2.00"));
        lines.add(finding);
        lines.add(practiceLine);
        lines.add(ipaLine);

        assertThat(lines.written()).containsExactly(finding, practiceLine, ipaLine);
        assertThat(facts).containsExactly(ipaLine);
        assertThat(lines.inserted(ipaLine)).isTrue();
        assertThat(lines.inserted(practiceLine)).isFalse();
        assertThat(lines.inserted(finding)).isFalse();
    }

    /**
     * What {@link Lines} inserts must be all that rules read: every {@code Line( ... )} pattern in the
     * rules asks for a payable line of the IPA as a whole, in its own text.
     */
    @Test
    void everyRuleThatReadsALineReadsOnlyPayableLinesToTheIpa() {
        Pattern linePattern = Pattern.compile("(?:^|[\\s:(])Line\\s*\\(([^;]*?)\\)\\s*(?:;|$)", Pattern.MULTILINE);
        Map<String, String> patterns = new TreeMap<>();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (String when : whenSections(text)) {
                    Matcher m = linePattern.matcher(when);
                    while (m.find()) {
                        patterns.put(path + ": " + m.group(1).strip(), m.group(1));
                    }
                }
            }
        });

        // the pool's; the pool retained whole where no clause distributes it; the loss limit's two (losses owed may be too
        // high, or too low)
        assertThat(patterns.keySet()).as("the rules that read lines").hasSize(4)
                .anyMatch(p -> p.startsWith("distribution/pool.drl"))
                .anyMatch(p -> p.startsWith("ipa/pool-retained.drl"))
                .anyMatch(p -> p.startsWith("payment/loss-limit.drl"));
        patterns.forEach((where, constraints) -> {
            assertThat(constraints).as(where).contains("scope == Ipa.SCOPE").contains("payable");
            assertThat(constraints).as(where).doesNotContain("!payable").doesNotContain("payable == false");
        });
    }

    /**
     * A rule set stored before the global lines (replayed with its own text) inserts every line as a
     * fact and declares no global: it settles as the shipped rules do, the rules hash apart. The old
     * text is the shipped text as it was written then: {@code insert( Line.of( ... ) )}, no global.
     */
    @Test
    void aStoredRuleSetThatInsertsItsLinesAsFactsSettlesAsTheShippedRulesDo() {
        Map<String, byte[]> oldText = new TreeMap<>();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.endsWith(".drl")) {
                text = text.replace("global org.accord.engine.Lines lines;\n", "").replace("lines.add( ", "insert( ");
            }
            oldText.put(path, text.getBytes(StandardCharsets.UTF_8));
        });
        RuleBase old = RuleBase.compile(oldText);
        assertThat(Evaluator.declaresGlobal(old, Evaluator.LINES)).isFalse();
        assertThat(Evaluator.declaresGlobal(Engine.service().rules(), Evaluator.LINES)).isTrue();
        ReplayedRuleSets.assertSettlesAsShipped(old, List.of("valley-ipa"),
                "the cases reach both rules that read lines", List.of(POOL_RULE, OWED_RULE));
    }

    /** The text between each {@code when} and its {@code then}. */
    private static List<String> whenSections(String drl) {
        List<String> sections = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*when\\s*$(.*?)^\\s*then\\s*$", Pattern.DOTALL | Pattern.MULTILINE).matcher(drl);
        while (m.find()) {
            sections.add(m.group(1));
        }
        return sections;
    }
}
