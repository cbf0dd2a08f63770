package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.testing.CommandLineRun;
import org.accord.testing.RunStoredBeforeACheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run stored before a check of the facts was added still replays as it ran (docs/store.md): the check is made of
 * the facts a request brings, not of those a replay reads back. The facts are those
 * {@code FactsThatContradictEachOtherApiTest}, {@code BenchmarkOfZeroApiTest}, {@code PracticeWithoutCostApiTest} and
 * {@code PeriodBeyondTheTemplatesYearsApiTest} show refused now.
 */
class ReplayOfFactsRefusedSinceTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "commercial-global-budget-stop-loss, contradictory/high-cost-members-beyond-total-cost-of-care.json",
        "mssp-aco-basic-a, contradictory/agreement-begun-after-the-performance-year.json",
        "medicaid-ffs-p4p, contradictory/more-wellness-visits-than-member-months.json",
        "commercial-global-budget, contradictory/period-outside-its-performance-year.json",
        "commercial-global-budget, contradictory/period-mostly-outside-its-performance-year.json",
        "commercial-global-budget, contradictory/period-longer-than-24-months.json",
        "mssp-aco-basic-a, across-years/fiscal-year-reaching-before-the-first-performance-year.json",
        "commercial-global-budget, across-years/fiscal-year-reaching-past-the-last-performance-year.json",
        "ma-capitation, beyond-bounds/risk-score-above-10.json",
        "ma-capitation, beyond-bounds/risk-score-below-0.1.json",
        "ma-capitation, beyond-bounds/total-cost-of-care-above-480-billion.json",
        "mssp-basic, for-the-contract/benchmark-of-zero.json",
        "mssp-basic, for-the-contract/practice-with-member-months-and-no-cost.json",
    })
    void aRunWhoseFactsACheckAddedSinceRefusesReplaysIdentically(String template, String file) throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "replay-refused-since");
        RunStoredBeforeACheck run = RunStoredBeforeACheck.storeIn(dataDir, template, Path.of("src/test/resources/facts", file));

        CommandLineRun replay = CommandLineRun.run("replay", run.runId(), "--data-dir", dataDir.toString());

        assertThat(replay.exitCode()).as(replay.out() + replay.err()).isZero();
        assertThat(replay.out().lines().toList()).containsExactly("run       " + run.runId(),
                "rules     stored, " + run.settlement().rulesHash(), "outcome   identical");
    }
}
