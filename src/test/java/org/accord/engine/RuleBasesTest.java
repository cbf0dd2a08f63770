package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.accord.content.ClasspathFolder;
import org.junit.jupiter.api.Test;

class RuleBasesTest {

    @Test
    void theShippedRuleSetGivenAsTextIsTheBuiltInRuleBaseWhateverThePathsPrefix() {
        Map<String, String> asSettlementsNameThem = new LinkedHashMap<>();
        Map<String, String> relative = new LinkedHashMap<>();
        ClasspathFolder.read(RuleBase.FOLDER).forEach((path, bytes) -> {
            asSettlementsNameThem.put("rules/" + path, new String(bytes, StandardCharsets.UTF_8));
            relative.put(path, new String(bytes, StandardCharsets.UTF_8));
        });

        assertThat(RuleBases.forSources(asSettlementsNameThem)).isSameAs(RuleBases.builtIn());
        assertThat(RuleBases.forSources(relative)).isSameAs(RuleBases.builtIn());
        assertThat(RuleBases.builtIn()).isSameAs(RuleBases.builtIn());
    }

    @Test
    void aRuleSetIsCompiledOnceWhileItIsAmongTheMostRecentlyUsed() {
        List<Map<String, byte[]>> compiled = new ArrayList<>();
        RuleBases.Cache<String, RuleBase> cache = new RuleBases.Cache<>(2);
        Function<Map<String, byte[]>, Supplier<RuleBase>> compiler = files -> () -> {
            compiled.add(files);
            return null;
        };

        cache.get("sha256:a", compiler.apply(Map.of("a.drl", new byte[] {1})));
        cache.get("sha256:b", compiler.apply(Map.of("b.drl", new byte[] {2})));
        cache.get("sha256:a", compiler.apply(Map.of("a.drl", new byte[] {1})));
        assertThat(compiled).hasSize(2);

        cache.get("sha256:c", compiler.apply(Map.of("c.drl", new byte[] {3})));   // evicts b, the least recently used
        cache.get("sha256:a", compiler.apply(Map.of("a.drl", new byte[] {1})));
        assertThat(compiled).hasSize(3);
        cache.get("sha256:b", compiler.apply(Map.of("b.drl", new byte[] {2})));
        assertThat(compiled).hasSize(4).extracting(files -> files.keySet().iterator().next())
                .containsExactly("a.drl", "b.drl", "c.drl", "b.drl");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRuleSetThatDoesNotCompileIsNotRememberedSoTheNextRequestSeesTheErrorAgain() {
        int[] attempts = {0};
        RuleBases.Cache<String, RuleBase> cache = new RuleBases.Cache<>(2);
        Supplier<RuleBase> failing = () -> {
            attempts[0]++;
            throw new IllegalStateException("attempt " + attempts[0]);
        };

        assertThatThrownBy(() -> cache.get("sha256:x", failing)).hasMessage("attempt 1");
        assertThatThrownBy(() -> cache.get("sha256:x", failing)).hasMessage("attempt 2");
        assertThat(cache.size()).isZero();
    }

    @Test
    void anotherRuleSetIsCompiledFromItsText() {
        String drl = "package org.accord.rules;\nrule \"nothing\"\nwhen\n  eval(false)\nthen\nend\n";

        RuleBase rules = RuleBases.forSources(Map.of("rules/payment/only.drl", drl, "rules/README.md", "not a rule"));

        assertThat(rules.fileHashes()).containsOnlyKeys("rules/payment/only.drl");
        assertThat(RuleBases.forSources(Map.of("payment/only.drl", drl))).isSameAs(rules);
        assertThatThrownBy(() -> RuleBases.forSources(Map.of("rules/payment/x.drl", "rule \"broken\" when NoSuch() then end")))
                .isInstanceOf(RuleBase.RuleCompilationException.class).hasMessageContaining("rules/payment/x.drl");
    }
}
