package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.testing.RunStoredWithEarlierRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A medicaid-ffs-p4p run made while the HBD-POOR bonus was paid on its numerator (the poorly controlled members, 9 x
 * $10.00 for the small panel's P01) replays identical with its stored rules; with the current rules it differs in that
 * bonus, now paid on the 35 eligible members meeting the measure.
 */
class ReplayOfABonusPaidOnALowerIsBetterNumeratorTest {

    private static Path dataDir;
    private static RunStoredWithEarlierRules run;

    @BeforeAll
    static void storeTheRun() throws IOException {
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-p4p-numerator");
        run = RunStoredWithEarlierRules.storeIn(dataDir, "engine/p4p-numerator-paid-for-lower-is-better", "medicaid-ffs-p4p",
                "{\"bonusPerMemberMeetingMeasure\":{\"HBD-POOR\":\"10.00\"}}", Path.of("examples/small-panel.json"));
    }

    @Test
    void withItsStoredRulesTheRunIsIdentical() {
        assertThat(hbdPoor(run.settlement(), "P01").amount()).isEqualByComparingTo("90.00");

        run.replaysIdenticalWithItsStoredRules(dataDir);
    }

    @Test
    void withTheCurrentRulesTheHbdPoorBonusIsPaidOnTheMembersMeetingTheMeasure() {
        int p01 = run.settlement().lines().indexOf(hbdPoor(run.settlement(), "P01"));
        assertThat(hbdPoor(run.current(), "P01").amount()).isEqualByComparingTo("350.00");

        assertThat(run.replayedWithTheCurrentRules(dataDir)).contains(
                "/lines/" + p01 + "/amount  stored \"90.00\"  replayed \"350.00\"",
                "/lines/" + p01 + "/explanation  stored \"HBD-POOR bonus $90.00: 9 members meeting the measure x $10.00.\"  replayed "
                        + "\"HBD-POOR bonus $350.00: 35 members meeting the measure (44 eligible less the 9 counted, a lower-is-better "
                        + "measure) x $10.00.\"");
    }

    private static SettlementLine hbdPoor(Settlement settlement, String scope) {
        return settlement.lines().stream()
                .filter(l -> l.clause().equals("pay-for-performance") && l.scope().equals(scope) && "HBD-POOR".equals(l.detail()))
                .findFirst().orElseThrow();
    }
}
