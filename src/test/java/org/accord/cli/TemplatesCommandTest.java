package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;

/** `accord templates <id>` says what each parameter may take and what a clause's parameters must keep together. */
class TemplatesCommandTest {

    private static CommandLineRun templates(String templateId) {
        CommandLineRun run = CommandLineRun.run("templates", templateId, "--data-dir", Path.of("target", "no-store-for-templates").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void eachParameterSaysTheTemplatesRangeAndWhatItsConceptAllows() {
        String out = templates("mssp-enhanced").out();

        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    electedMinimumSavingsRate ")
                .endsWith("0.02  (rate)  allowed 0 to 0.02; concept allows 0, 0.005, 0.01, 0.015 or 0.02 only"));
        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    maximumSharingRate ")
                .endsWith("0.75  (rate)  allowed 0 to 1; concept allows 0 to 1, a share of a whole"));
        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    sequestrationRate ")
                .endsWith("0.02  (rate)  set by regulation, not negotiable; allowed 0 to 0.1; concept allows 0 to 1, a share of a whole"));
        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    minimumSavingsRateBasis ")
                .endsWith("elected  (word)  allowed population, elected"));
    }

    /** The years a template settles and the measure directions its rules read, which `accord templates <id>` did not say. */
    @Test
    void aTemplateSaysTheYearsItSettlesAndTheMeasureDirectionsItsRulesRead() {
        assertThat(templates("mssp-aco-track-3").out().lines()).contains("Performance years: 2016 to 2021 (an earlier or a later year is refused)");
        assertThat(templates("mssp-aco-basic-c").out().lines()).contains("Performance years: from 2019 (its last values carry on)");
        assertThat(templates("commercial-global-budget").out().lines()).contains("Performance years: 2024 to 2026 (an earlier or a later year is refused)");
        String p4p = templates("medicaid-ffs-p4p").out();
        assertThat(p4p.lines()).noneMatch(line -> line.startsWith("Performance years"))
                .anySatisfy(line -> assertThat(line).startsWith("Measure directions: ").contains("CBP higher-is-better", "HBD-POOR lower-is-better"));
        assertThat(templates("mssp-aco-track-2").out().lines()).anySatisfy(line -> assertThat(line).startsWith("    electedMinimumSavingsRate ")
                .contains("set by regulation before 2016, negotiable from then"));
    }

    @Test
    void aClauseSaysItsConstraintsAndWhichItsConceptRequires() {
        String out = templates("mssp-enhanced").out();

        assertThat(out).contains("    constraint: memberMonthsWeight, qualityWeight and costPerformanceWeight add up to exactly 1 "
                + "(shares of one whole), required by concept distribution\n");
        assertThat(out).contains("    constraint: costPerformanceTarget names a clause of the same template, or none\n");
        assertThat(out).contains("    constraint: minimumLossSharingRate and maximumLossSharingRate are in ascending order "
                + "(each at most the next), required by concept shared-losses\n");
    }

    @Test
    void aScalesLimitsNameTheFieldsOfItsRungs() {
        String out = templates("ma-capitation").out();

        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    corridorBands ")
                .endsWith("allowed 0 to 1; concept allows each rung's ipaShareOfGains and ipaShareOfLosses 0 to 1, shares of a whole"));
        assertThat(out.lines()).anySatisfy(line -> assertThat(line).startsWith("    withholdReturnLadder ")
                .endsWith("concept allows each rung's rate 0 to 1, a share of a whole; rate never falls from one rung to the next"));
    }
}
