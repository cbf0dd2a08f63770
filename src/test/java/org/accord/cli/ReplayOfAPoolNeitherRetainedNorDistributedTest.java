package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.settlement.SettlementAssembler;
import org.accord.testing.RunStoredWithEarlierRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An mssp-aco-basic-b run made before rules/ipa/pool-retained.drl, when a contract without a distribution clause left its
 * pool neither retained nor distributed (999,600.00 of shared savings, "Retained by the IPA 0.00": found from outside, Q2),
 * replays identical with its stored rules, its totals as they were stored; with the current rules the pool is retained
 * whole, and the replay names the finding that says so and the retained total as the differences.
 */
class ReplayOfAPoolNeitherRetainedNorDistributedTest {

    private static Path dataDir;
    private static RunStoredWithEarlierRules run;

    @BeforeAll
    static void storeTheRun() throws IOException {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-pool-unretained");
        run = RunStoredWithEarlierRules.storeWithout(dataDir, "ipa/pool-retained.drl", "mssp-aco-basic-b", "{}",
                Path.of("src/test/resources/facts/pool/aco-shared-savings-and-no-distribution-clause.json"));
    }

    @Test
    void withItsStoredRulesTheRunKeepsItsTotals() {
        // 3,000,000.00 of savings x 40% x the quality score 0.85 x 0.98 = 999,600.00, none of it retained as the run was settled
        assertThat(run.settlement().totals().ipaPool()).isEqualByComparingTo("999600.00");
        assertThat(run.settlement().totals().retainedByIpa()).isEqualByComparingTo("0.00");
        assertThat(run.settlement().findings()).noneMatch(f -> f.rule().equals(SettlementAssembler.POOL_RETAINED_RULE));

        run.replaysIdenticalWithItsStoredRules(dataDir);
    }

    @Test
    void withTheCurrentRulesThePoolIsRetainedWhole() {
        assertThat(run.current().totals().retainedByIpa()).isEqualByComparingTo("999600.00");
        assertThat(run.current().findings().get(0).rule()).isEqualTo(SettlementAssembler.POOL_RETAINED_RULE);

        assertThat(run.replayedWithTheCurrentRules(dataDir)).contains("/totals/retainedByIpa  stored \"0.00\"  replayed \"999600.00\"")
                .anyMatch(line -> line.startsWith("/findings/0/rule  stored ") && line.endsWith("replayed \""
                        + SettlementAssembler.POOL_RETAINED_RULE + "\""));
    }
}
