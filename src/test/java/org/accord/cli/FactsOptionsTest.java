package org.accord.cli;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.accord.facts.PerformancePeriod;
import org.accord.io.Json;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * CSV facts carry their IPA and period in options: every field of the period JSON facts carry has one,
 * so the same IPA-year settles alike whichever form its facts come in.
 */
class FactsOptionsTest {

    private static final String CSV = "src/test/resources/facts/csv-path/track-2-year-3.csv";
    private static final String JSON = "src/test/resources/facts/csv-path/track-2-year-3.json";

    /**
     * Track 2, performance year 2017, agreement from 2015-01-01 (so 2017 is its third year). Benchmark
     * $40,000,000.00, expenditures $24,000,000 + $16,000,000 + $10,000,000 = $50,000,000.00: losses of
     * $10,000,000.00 (25%, above the 2% minimum loss rate, so shared from the first dollar). Final sharing
     * rate 60% x quality 0.90 = 54%, shared loss rate 1 - 54% = 46% (within 40%..60%): $4,600,000.00.
     * The loss limit (42 CFR 425.606(g)) is 5% of the benchmark in the first year, 7.5% in the second and
     * 10% from the third: 10% x $40,000,000.00 = $4,000,000.00, so -4,000,000.00. Without the agreement
     * start the CSV path assumed the first year's 5%, $2,000,000.00.
     */
    @Test
    void aCsvWithTheAgreementStartSettlesTrack2sThirdYearAsTheSameFactsInJson() {
        CommandLineRun csv = run("evaluate", "--template", "mssp-aco-track-2", "--facts", CSV, "--ipa-id", "probe-ipa",
                "--ipa-name", "Probe IPA", "--year", "2017", "--start", "2017-01-01", "--end", "2017-12-31",
                "--benchmark", "40000000", "--agreement-start", "2015-01-01", "--reported-quality-score", "0.90",
                "--met-quality-standard", "true", "--json");
        CommandLineRun json = run("evaluate", "--template", "mssp-aco-track-2", "--facts", JSON, "--json");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode fromCsv = Json.MAPPER.readTree(csv.out());
        assertThat(sharedLosses(fromCsv)).isEqualTo("-4000000.00");
        assertThat(sharedLosses(Json.MAPPER.readTree(json.out()))).isEqualTo("-4000000.00");
        assertThat(fromCsv.get("totals")).isEqualTo(Json.MAPPER.readTree(json.out()).get("totals"));
    }

    /**
     * The same run without --agreement-start: the loss limit is the first year's, assumed, and the findings say which input
     * would settle it. They named the JSON field (agreementStart), which a user of CSV facts never typed; they name the
     * option. JSON facts keep the field's name, which their user wrote.
     */
    @Test
    void aFindingOnAPeriodFieldOfCsvFactsNamesTheOptionThatGivesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        CommandLineRun csv = run("evaluate", "--template", "mssp-aco-track-2", "--facts", CSV, "--ipa-id", "probe-ipa",
                "--ipa-name", "Probe IPA", "--year", "2017", "--benchmark", "40000000", "--reported-quality-score", "0.90",
                "--met-quality-standard", "true");
        String withoutTheStart = java.nio.file.Files.readString(java.nio.file.Path.of(JSON));
        assertThat(withoutTheStart).contains("  \"agreementStart\": \"2015-01-01\",\n");
        java.nio.file.Path json = java.nio.file.Files.writeString(folder.resolve("no-agreement-start.json"),
                withoutTheStart.replace("  \"agreementStart\": \"2015-01-01\",\n", ""));
        CommandLineRun fromJson = run("evaluate", "--template", "mssp-aco-track-2", "--facts", json.toString());

        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("the facts do not give the agreement start (--agreement-start); in the second year",
                "the first performance year's limit, since the facts do not give the agreement start (--agreement-start).")
                .doesNotContain("agreementStart");
        assertThat(fromJson.exitCode()).as(fromJson.err()).isZero();
        assertThat(fromJson.out()).contains("the facts do not give the agreement start (agreementStart); in the second year")
                .doesNotContain("--agreement-start");
    }

    /** A refusal of CSV facts names the option in its reason as in its place: "--benchmark: ... needs benchmarkExpenditure" read as two inputs. */
    @Test
    void aRefusalOfCsvFactsNamesTheOptionInItsReason() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.csv", "--ipa-id", "valley-ipa",
                "--year", "2025");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).contains("  --benchmark: clause shared-savings (Shared savings) needs --benchmark for the period");
        assertThat(r.err()).doesNotContain("benchmarkExpenditure");
    }

    private static String sharedLosses(JsonNode settlement) {
        List<String> amounts = new ArrayList<>();
        settlement.get("lines").forEach(line -> {
            if ("shared-losses".equals(line.get("clause").asString())) {
                amounts.add(line.get("amount").asString());
            }
        });
        assertThat(amounts).hasSize(1);
        return amounts.get(0);
    }

    @Test
    void everyFieldOfThePeriodHasAnOptionForCsvFacts() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new EvaluateCommand()).getCommandSpec();
        for (RecordComponent field : PerformancePeriod.class.getRecordComponents()) {
            String option = FactsOptions.CSV_OPTIONS.get("/period/" + field.getName());
            assertThat(option).as("the CSV option for the period's %s", field.getName()).isNotNull();
            assertThat(spec.findOption(option)).as(option).isNotNull();
        }
        assertThat(FactsOptions.CSV_OPTIONS.values()).allSatisfy(option -> assertThat(spec.findOption(option)).as(option).isNotNull());
    }

    /** Each option's value reaches the period the CSV is read with (an option declared but not passed on would be as bad as none). */
    @Test
    void everyPeriodOptionReachesThePeriodReadFromTheCsv() throws Exception {
        List<String> args = new ArrayList<>(List.of("--template", "mssp-aco-track-2", "--facts", CSV, "--ipa-id", "probe-ipa"));
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        for (RecordComponent field : PerformancePeriod.class.getRecordComponents()) {
            Object value = sample(field);
            given.put(field.getName(), value);
            args.add(FactsOptions.CSV_OPTIONS.get("/period/" + field.getName()));
            args.add(String.valueOf(value));
        }
        EvaluateCommand command = new EvaluateCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        PerformancePeriod period = command.facts.load().period();
        for (RecordComponent field : PerformancePeriod.class.getRecordComponents()) {
            assertThat(field.getAccessor().invoke(period)).as(field.getName()).isEqualTo(given.get(field.getName()));
        }
    }

    @Test
    void everyPeriodOptionIsRefusedBesideJsonFactsWhichCarryTheirOwnPeriod() {
        for (String option : FactsOptions.CSV_OPTIONS.values()) {
            String value = option.equals("--year") ? "2017" : option.contains("start") || option.equals("--end") ? "2017-01-01"
                    : option.contains("standard") || option.equals("--low-revenue") ? "true" : option.startsWith("--ipa") ? "x" : "1";
            CommandLineRun r = run("evaluate", "--template", "mssp-aco-track-2", "--facts", JSON, option, value);
            assertThat(r.exitCode()).as(option + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains(option + ": applies to CSV facts only");
        }
    }

    /** A value for the field, different from its neighbours' of the same type, so that two options swapped show. */
    private static Object sample(RecordComponent field) {
        int index = Arrays.asList(PerformancePeriod.class.getRecordComponents()).indexOf(field);
        Class<?> type = field.getType();
        if (type == int.class) {
            return 2017;
        }
        if (type == Integer.class) {
            return index;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2017, 1, 1).plusDays(index);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(index + ".25");
        }
        if (type == Boolean.class) {
            return index % 2 == 0;
        }
        throw new IllegalStateException("no sample for the period's " + field.getName() + " of type " + type);
    }
}
