package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
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
}
