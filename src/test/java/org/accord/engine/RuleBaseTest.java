package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

class RuleBaseTest {

    @Test
    void theShippedRuleFilesCompileAndAreAddressedByContentHash() {
        RuleBase rules = RuleBase.load();
        assertThat(rules.fileHashes()).containsKey("rules/payment/shared-savings.drl");
        assertThat(rules.fileHashes().values()).allMatch(h -> h.matches("sha256:[0-9a-f]{64}"));
        assertThat(rules.hash()).startsWith("sha256:");
        assertThat(rules.decisionTables().modelNames()).contains("Minimum savings rate by assigned population");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsReportedWithItsPathAndLine() {
        String broken = "package org.accord.rules;\nrule \"broken\"\nwhen\n  NoSuchFact( )\nthen\nend\n";
        assertThatThrownBy(() -> RuleBase.compile(Map.of("payment/broken.drl", broken.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleBase.RuleCompilationException.class)
                .hasMessageContaining("rules/payment/broken.drl");
    }

    /** The build step (process-classes) ran before the tests, as it runs before the jar is made. */
    @Test
    void theBuildCompiledTheShippedRuleFilesAndRecordedTheirHashes() {
        Optional<PrecompiledRules> precompiled = PrecompiledRules.onClasspath();

        assertThat(precompiled).as("compiled-rules/ on the classpath: the build's process-classes step makes it").isPresent();
        Map<String, String> carried = RuleBase.fileHashes(RuleBase.ruleFiles(ClasspathFolder.read(RuleBase.FOLDER)));
        assertThat(precompiled.get().fileHashes()).isEqualTo(carried).containsKey("rules/payment/msr-by-assigned-population.dmn");
    }

    @Test
    void thePrecompiledBaseSettlesExactlyAsTheRuleFilesCompiledNow() {
        PrecompiledRules precompiled = PrecompiledRules.onClasspath().orElseThrow();
        Map<String, byte[]> carried = ClasspathFolder.read(RuleBase.FOLDER);
        RuleBase opened = RuleBase.fromKjar(precompiled.kjar(), precompiled.fileHashes());
        RuleBase compiledNow = RuleBase.compile(carried);

        assertThat(opened.hash()).isEqualTo(compiledNow.hash());
        EvaluationService service = Engine.service();
        for (String template : new String[] {"mssp-basic", "mssp-enhanced", "ma-capitation"}) {
            PerformanceFacts valley = Engine.example("valley-ipa");
            var terms = service.check(ContractChoice.of(template), valley);
            assertThat(Json.write(new Evaluator(opened).evaluate(terms, valley)))
                    .as(template).isEqualTo(Json.write(new Evaluator(compiledNow).evaluate(terms, valley)));
        }
    }

    @Test
    void aPrecompiledBaseOfOtherRuleFilesIsSetAsideAndTheCarriedFilesAreCompiled() {
        PrecompiledRules precompiled = PrecompiledRules.onClasspath().orElseThrow();
        Map<String, byte[]> carried = new TreeMap<>(ClasspathFolder.read(RuleBase.FOLDER));
        String path = "payment/admin-fee.drl";
        carried.put(path, (new String(carried.get(path), StandardCharsets.UTF_8) + "\n// edited after the build\n")
                .getBytes(StandardCharsets.UTF_8));

        RuleBase rules = RuleBase.load(carried, Optional.of(precompiled));

        assertThat(rules.fileHashes()).isEqualTo(RuleBase.fileHashes(RuleBase.ruleFiles(carried)));
        assertThat(rules.fileHashes().get("rules/" + path)).isNotEqualTo(precompiled.fileHashes().get("rules/" + path));
        assertThat(rules.decisionTables().modelNames()).contains("Minimum savings rate by assigned population");
    }

    @Test
    void theRecordedHashesReadBackAsWritten() {
        Map<String, String> hashes = Map.of("rules/b.drl", "sha256:" + "b".repeat(64), "rules/a b.dmn", "sha256:" + "a".repeat(64));

        String text = PrecompiledRules.hashText(hashes);

        assertThat(text).isEqualTo("sha256:" + "a".repeat(64) + " rules/a b.dmn\nsha256:" + "b".repeat(64) + " rules/b.drl\n");
        assertThat(PrecompiledRules.parseHashes(text)).isEqualTo(hashes);
    }
}
