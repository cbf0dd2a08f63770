package org.accord.cli;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where the command line says a problem in its input is, and that bad input exits 2 whatever the command. */
class InputProblemsTest {

    @TempDir
    static Path folder;

    private static Path valleyWith(String name, String from, String to) throws IOException {
        String valley = Files.readString(Path.of("examples/valley-ipa.json"));
        assertThat(valley).containsPattern(from);
        return Files.writeString(folder.resolve(name), valley.replaceFirst(from, to));
    }

    static Stream<Arguments> guessesTheReaderRefuses() {
        return Stream.of(
                Arguments.of("a fraction of a member month", "\"memberMonths\": \\d+", "\"memberMonths\": 12.5",
                        "practices/0/memberMonths: expected a whole number, got 12.5"),
                Arguments.of("a count written as text", "\"visits\": \\d+", "\"visits\": \"12\"",
                        "practices/0/visits: expected a whole number"),
                Arguments.of("a key given twice", "\"edVisits\"", "\"edVisits\": 1, \"edVisits\"",
                        "practices/0/edVisits: "));
    }

    @Nested
    @DisplayName("a problem in a facts file is placed in the file, at its pointer relative to the file")
    class InTheFactsFile {

        @Test
        void aTruncatedFileNamesTheLineAndColumnWithoutJacksonsInsides() throws IOException {
            byte[] valley = Files.readAllBytes(Path.of("examples/valley-ipa.json"));
            Path truncated = Files.write(folder.resolve("truncated.json"), Arrays.copyOf(valley, 300));

            CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", truncated.toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().lines()).containsExactly("invalid input:", "  " + truncated
                    + "#/practices/0/name: not valid JSON: Unexpected end-of-input in VALUE_STRING (line 15, column 18)");
            assertThat(r.err()).doesNotContain("Source", "REDACTED", "byte offset", "(document)");
        }

        @Test
        void aWordWhereACountBelongsNamesTheFieldAsTheApiDoes() throws IOException {
            Path lots = valleyWith("lots.json", "\"memberMonths\": \\d+", "\"memberMonths\": \"lots\"");

            CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", lots.toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains(lots + "#/practices/0/memberMonths: expected a whole number")
                    .doesNotContain("Cannot deserialize", "`int`");
        }

        /** A facts file is read as strictly as a request's body: nothing guessed, nothing cut off. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.accord.cli.InputProblemsTest#guessesTheReaderRefuses")
        void aValueTheReaderWouldHaveHadToGuessIsRefused(String what, String from, String to, String expected) throws IOException {
            Path guessed = valleyWith(what.replace(' ', '-') + ".json", from, to);

            CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", guessed.toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("  " + guessed + "#/" + expected);
            assertThat(r.out()).isEmpty();
        }

        /** A decimal is read one way in a facts file and in --set: a space beside the digits was taken in --set alone. */
        @Test
        void aDecimalWithASpaceIsRefusedInAFactAsInAnOverride() throws IOException {
            Path spaced = valleyWith("spaced.json", "\"averageRiskScore\": \"1.173\"", "\"averageRiskScore\": \" 1.173\"");

            CommandLineRun inAFact = run("evaluate", "--template", "mssp-basic", "--facts", spaced.toString());
            CommandLineRun inAnOverride = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json",
                    "--set", "maximumSharingRate= 0.5");

            String reason = "is not a decimal in bounds: " + org.accord.validation.Decimals.EXPECTED;
            assertThat(inAFact.exitCode()).as(inAFact.err()).isEqualTo(2);
            assertThat(inAFact.err().lines()).containsExactly("invalid input:",
                    "  " + spaced + "#/practices/0/averageRiskScore: ' 1.173' " + reason);
            assertThat(inAnOverride.exitCode()).as(inAnOverride.err()).isEqualTo(2);
            assertThat(inAnOverride.err().lines()).containsExactly("invalid input:", "  --set maximumSharingRate: ' 0.5' " + reason);
            assertThat(inAnOverride.out()).isEmpty();
        }

        /** A facts file with several fields that hold no decimal names each of them, as the API does; it named the first only. */
        @Test
        void aFactsFileWithSeveralFieldsThatHoldNoDecimalNamesEachOfThem() throws IOException {
            String valley = Files.readString(Path.of("examples/valley-ipa.json"));
            assertThat(valley).contains("\"averageRiskScore\": \"1.173\"", "\"benchmarkExpenditure\": \"");
            Path spaced = Files.writeString(folder.resolve("several.json"), valley.replaceFirst("\"averageRiskScore\": \"1.173\"",
                    "\"averageRiskScore\": \"1.173 \"").replaceFirst("\"benchmarkExpenditure\": \"[^\"]*\"", "\"benchmarkExpenditure\": \"lots\""));

            CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", spaced.toString());

            String reason = "is not a decimal in bounds: " + org.accord.validation.Decimals.EXPECTED;
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines()).containsExactly("invalid input:", "  " + spaced + "#/period/benchmarkExpenditure: 'lots' " + reason,
                    "  " + spaced + "#/practices/0/averageRiskScore: '1.173 ' " + reason);
            assertThat(r.out()).isEmpty();
        }

        @Test
        void aValueTheValidatorRefusesIsAtTheSamePointerAsAFieldTheReaderRefuses() throws IOException {
            Path negative = valleyWith("negative.json", "\"attributedMembers\": \\d+", "\"attributedMembers\": -5");
            Path unknown = valleyWith("unknown.json", "\"attributedMembers\"", "\"bogusField\": 1, \"attributedMembers\"");

            CommandLineRun refused = run("evaluate", "--template", "mssp-basic", "--facts", negative.toString());
            CommandLineRun unread = run("compare", "--facts", unknown.toString(), "--baseline", "mssp-basic", "--proposal", "mssp-enhanced");

            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("  " + negative + "#/practices/0/attributedMembers: cannot be negative (was -5)")
                    .doesNotContain("/facts/");
            assertThat(unread.exitCode()).isEqualTo(2);
            assertThat(unread.err()).contains("  " + unknown + "#/practices/0/bogusField: unknown field 'bogusField'");
        }

        @Test
        void aPeriodValueCsvFactsTakeFromAnOptionIsPlacedAtTheOption() {
            CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.csv",
                    "--ipa-id", "valley-ipa", "--year", "2025");

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("  --benchmark: clause shared-savings (Shared savings) needs --benchmark")
                    .doesNotContain("/facts/");
        }

        @Test
        void aPeriodNotItsPerformanceYearsIsPlacedAtTheOptionThatGaveIt() {
            CommandLineRun fourYears = run("evaluate", "--template", "commercial-global-budget", "--facts", "examples/valley-ipa.csv",
                    "--ipa-id", "valley-ipa", "--year", "2025", "--start", "2022-01-01", "--end", "2025-12-31");
            CommandLineRun mostlyNext = run("evaluate", "--template", "commercial-global-budget", "--facts", "examples/valley-ipa.csv",
                    "--ipa-id", "valley-ipa", "--year", "2025", "--start", "2025-12-31", "--end", "2026-12-30");

            assertThat(fourYears.exitCode()).isEqualTo(2);
            assertThat(fourYears.err()).contains("  --end: the period 2022-01-01 to 2025-12-31 lasts 48 months (1461 days)");
            assertThat(mostlyNext.exitCode()).isEqualTo(2);
            assertThat(mostlyNext.err()).contains("  --year: the period 2025-12-31 to 2026-12-30 has 1 of its 365 days in performance"
                    + " year 2025");
        }
    }

    @Nested
    @DisplayName("bad input exits 2 with the option and the reason, in every command")
    class ExitCodes {

        static Stream<Arguments> badInput() {
            String absent = folder.resolve("absent.json").toString();
            String absentCsv = folder.resolve("absent.csv").toString();
            String notADirectory = folder.resolve("absent-folder").resolve("out.csv").toString();
            return Stream.of(
                    Arguments.of(new String[] {"evaluate", "--template", "mssp-basic", "--facts", absent},
                            "--facts: cannot read " + absent + ": no such file"),
                    Arguments.of(new String[] {"evaluate", "--template", "mssp-basic", "--facts", folder.toString()},
                            "--facts: cannot read " + folder + ": it is a folder"),
                    Arguments.of(new String[] {"compare", "--facts", absent, "--baseline", "mssp-basic", "--proposal", "mssp-enhanced"},
                            "--facts: cannot read " + absent),
                    Arguments.of(new String[] {"sweep", "--template", "mssp-basic", "--facts", absentCsv, "--ipa-id", "x", "--year", "2025",
                            "--vary", "maximumSharingRate=0.40:0.50:0.10"}, "--facts: cannot read " + absentCsv),
                    Arguments.of(new String[] {"simulate", "--template", "mssp-basic", "--facts", absent, "--trials", "10"},
                            "--facts: cannot read " + absent),
                    Arguments.of(new String[] {"cashflow", "--template", "mssp-basic", "--facts", absent},
                            "--facts: cannot read " + absent),
                    Arguments.of(new String[] {"simulate", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                            "--trials", "10", "--threads", "0"}, "--threads: between 1 and 256, got 0"),
                    Arguments.of(new String[] {"backtest"}, "SUBCOMMAND: name one: cms-puf"),
                    Arguments.of(new String[] {"runs"}, "SUBCOMMAND: name one: list, show"),
                    Arguments.of(new String[] {"sweep", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                            "--vary", "maximumSharingRate=0.40:0.50:0.10", "--set", "maximumSharingRate=0.9"},
                            "--vary #1: 'maximumSharingRate' is also set in the contract's overrides"),
                    Arguments.of(new String[] {"backtest", "cms-puf", "--file", absentCsv},
                            "--file: cannot read " + absentCsv + ": no such file"),
                    Arguments.of(new String[] {"sweep", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                            "--vary", "maximumSharingRate=0.40:0.50:0.10", "--csv", notADirectory},
                            "--csv: cannot write " + notADirectory + ": no such file or folder"),
                    Arguments.of(new String[] {"sweep", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                            "--vary", "maximumSharingRate"}, "--vary: expected parameter=start:end:step"),
                    Arguments.of(new String[] {"compare", "--facts", "examples/small-panel.json", "--baseline", "mssp-basic",
                            "--proposal", "mssp-basic:maximumSharingRate"}, "--proposal: expected template:name=value"),
                    Arguments.of(new String[] {"replay", "no-such-run", "--data-dir", folder.toString()},
                            "RUN-ID: no stored run 'no-such-run'"),
                    Arguments.of(new String[] {"runs", "show", "no-such-run", "--data-dir", folder.toString()},
                            "RUN-ID: no stored run 'no-such-run'"),
                    Arguments.of(new String[] {"templates", "no-such-template"}, "TEMPLATE: no template 'no-such-template'"),
                    Arguments.of(new String[] {"document", "mssp-basic", "--set", "sharingRate=0.60"},
                            "--set: template mssp-basic has no term 'sharingRate'"));
        }

        /** Found by trying the command line: 1e400 was taken as a monthly cost, and a word or a bad date was reported with Java's exception. */
        @Test
        void anAmountOutOfTheApisBoundsOrNotADecimalIsRefusedInItsWords() {
            CommandLineRun beyond = run("cashflow", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                    "--monthly-cost", "1e400");
            CommandLineRun word = run("simulate", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                    "--trials", "5", "--expected-cost-per-member", "P01=x");

            assertThat(beyond.exitCode()).isEqualTo(2);
            assertThat(beyond.out()).isEmpty();
            assertThat(beyond.err()).startsWith("Invalid value for option '--monthly-cost' (USD): '1e400' is not a decimal in bounds: "
                    + "expected a decimal such as");
            assertThat(word.exitCode()).isEqualTo(2);
            assertThat(word.err()).contains("'x' is not a decimal in bounds");
            CommandLineRun date = run("cashflow", "--template", "mssp-basic", "--facts", "examples/small-panel.json", "--end", "2025-13-01");
            assertThat(date.exitCode()).isEqualTo(2);
            assertThat(date.err()).startsWith("Invalid value for option '--end': '2025-13-01' is not a date such as 2025-12-31");
            assertThat(beyond.err() + word.err() + date.err()).doesNotContain("java.", "Exception", "BigDecimal");
        }

        /**
         * Found from outside: "--monthly-cost 1,000,000" was split on its commas into the costs 1, 000 and 000, the other nine
         * months taken at $0 (exit 0, "turns positive in month 1"), and "1,2" the same with no warning.
         */
        @Test
        void aMonthlyCostWithThousandsSeparatorsOrAListShortOfThePeriodIsRefusedNamingTheOption() {
            CommandLineRun grouped = run("cashflow", "--template", "ma-capitation", "--facts", "examples/small-panel.json",
                    "--monthly-cost", "1,000,000");
            CommandLineRun tooFew = run("cashflow", "--template", "ma-capitation", "--facts", "examples/small-panel.json",
                    "--monthly-cost", "1,2");

            assertThat(grouped.exitCode()).isEqualTo(2);
            assertThat(grouped.out()).isEmpty();
            assertThat(grouped.err()).startsWith("Invalid value for option '--monthly-cost' (USD): '000' is not a plain amount (it has"
                    + " leading zeros): a comma separates months, so write each amount without thousands separators (1000000, not 1,000,000)");
            assertThat(tooFew.exitCode()).isEqualTo(2);
            assertThat(tooFew.out()).isEmpty();
            assertThat(tooFew.err()).contains("  --monthly-cost: 2 amounts for a period of 12 months (2025-01 to 2025-12): give one"
                    + " amount, for every month, or one for each month of the period from its first, 12 or more");
            CommandLineRun million = run("cashflow", "--template", "ma-capitation", "--facts", "examples/small-panel.json",
                    "--monthly-cost", "1000000");
            assertThat(million.exitCode()).as(million.err()).isZero();
            assertThat(million.out()).contains("total cost 12,000,000.00");
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("badInput")
        void badInputExitsTwoNamingTheOption(String[] args, String problem) {
            CommandLineRun r = run(args);

            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).first().isEqualTo("invalid input:");
            assertThat(r.err()).contains("  " + problem).doesNotContain("error:");
        }
    }
}
