package org.accord.cli;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.replay.Replay;
import org.accord.settlement.Settlement;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The README's main job: evaluate the example IPA from the command line. */
class EvaluateCommandTest {

    /** pay-for-performance is longer than the columns once were wide. */
    @Test
    void everyFindingsExplanationStartsInOneColumnWhateverTheClauseIds() {
        CommandLineRun r = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/valley-ipa.json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        java.util.List<String> findings = r.out().lines().dropWhile(line -> !line.equals("Findings")).skip(1)
                .takeWhile(line -> !line.isEmpty()).toList();
        assertThat(findings).anyMatch(line -> line.contains("pay-for-performance"))
                .anyMatch(line -> line.contains("payment-timing"));
        // The cost compared with the targets is about no clause: it was printed under care-management-fee, the first by id.
        assertThat(findings).noneMatch(line -> line.contains("care-management-fee"));
        assertThat(r.out()).contains("\nFindings of the contract as a whole\n  Cost compared with the targets $");
        // where the explanation starts: after the scope, the clause and the spaces that pad them
        java.util.regex.Pattern columns = java.util.regex.Pattern.compile("^  \\S+ +\\S+ +");
        assertThat(findings.stream().map(line -> {
            java.util.regex.Matcher padded = columns.matcher(line);
            assertThat(padded.find()).as(line).isTrue();
            return padded.end();
        }).distinct()).hasSize(1);
    }

    @Test
    void theReadmeCommandPrintsASettlementTableWithExplanations() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Settlement of valley-ipa, performance year 2025, under mssp-basic")
                .contains("Shared savings $").contains("Minimum savings rate 2.3059...% for 39,400 assigned beneficiaries")
                .contains("Distribution $").contains("P25    Montague Community Practice")
                .containsPattern("Rules sha256:[0-9a-f]{64}");
    }

    @Test
    void jsonOutputCarriesDecimalsAsExactStrings() throws Exception {
        CommandLineRun r = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/small-panel.json", "--json",
                "--set", "negotiatedPercentage=1.123456789012345678901");
        assertThat(r.exitCode()).isZero();
        JsonNode settlement = Json.MAPPER.readTree(r.out());
        assertThat(settlement.get("contract").get("overrides").get("negotiatedPercentage").asString()).isEqualTo("1.123456789012345678901");
        assertThat(settlement.get("lines").get(0).get("amount").isString()).isTrue();
    }

    @Test
    void jsonOutputIsTheSettlementTheApiAnswers() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Settlement settlement = EvaluationService.load().evaluate(ContractChoice.of("mssp-basic"),
                Json.readFacts(Path.of("examples/valley-ipa.json")));
        // Replay's answer form is the API's settlement field for field (ReplayAnswerFormTest): no null, no derived flag.
        assertThat(Json.MAPPER.readTree(r.out())).isEqualTo(Replay.answer(settlement));
        assertThat(r.out()).doesNotContain("\"payable\"", ": null");
    }

    /**
     * README says every result can be written as CSV; evaluate had no --csv ("Unknown options: '--csv'", found from outside,
     * Q6). Valley under mssp-basic: 5,383,653.90 shared, 538,365.39 fee and 242,264.43 reserve retained (3 IPA lines), and
     * one distribution line for each of the 25 practices, P01's 202,880.60: 28 rows under the header.
     */
    @Test
    void theSettlementsLinesAreWrittenAsCsvOneRowALine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("settlement.csv");
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--csv", csv.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Settlement of valley-ipa, performance year 2025, under mssp-basic").endsWith("CSV written to " + csv + "\n");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(1 + 3 + 25);
        assertThat(rows.get(0)).isEqualTo("scope,clause,flow,amount,rule,detail,explanation");
        assertThat(rows.get(1)).startsWith("IPA,shared-savings,payment,5383653.90,");
        assertThat(rows.get(2)).startsWith("IPA,admin-fee,retained,538365.39,");
        assertThat(rows.get(3)).startsWith("IPA,distribution,retained,242264.43,");
        assertThat(rows.get(4)).startsWith("P01,distribution,distributed,202880.60,")
                .contains(",\"Distribution $202,880.60: "); // a sentence with commas is quoted

        CommandLineRun printed = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--csv", "-");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out().lines().toList()).isEqualTo(rows);
    }

    /** As sweep's, compare's, simulate's and cashflow's: a --csv naming the facts file would replace the facts with the lines. */
    @Test
    void theCsvMayNotOverwriteTheFactsItIsMadeFrom(@TempDir Path dir) throws Exception {
        Path facts = dir.resolve("small.json");
        Files.copy(Path.of("examples/small-panel.json"), facts);
        byte[] before = Files.readAllBytes(facts);

        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", facts.toString(), "--csv",
                dir.resolve(".").resolve("small.json").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--csv").contains("is the facts file (--facts)");
        assertThat(Files.readAllBytes(facts)).isEqualTo(before);
    }

    @Test
    void factsMayComeAsCsvAndSettleLikeTheJson() {
        CommandLineRun csv = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/valley-ipa.csv",
                "--ipa-id", "valley-ipa", "--year", "2025", "--json");
        CommandLineRun json = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/valley-ipa.json", "--json");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(Json.MAPPER.readTree(csv.out()).get("totals")).isEqualTo(Json.MAPPER.readTree(json.out()).get("totals"));
    }

    /**
     * The payer's finding is three-valued: met, not met, or none made. Given as a bare flag it could only say
     * "met", and leaving the option out (no finding) was the only way to say anything else.
     */
    @Test
    void theCsvFactsPayersFindingIsGivenAsAValue() {
        String[] csv = {"evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.csv", "--ipa-id", "valley-ipa",
                "--year", "2025", "--benchmark", "525375558.00"};
        CommandLineRun none = run(csv);
        CommandLineRun notMet = run(concat(csv, "--met-quality-standard", "false"));
        CommandLineRun bare = run(concat(csv, "--met-quality-standard"));
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("Quality gate met: the score");
        assertThat(notMet.exitCode()).as(notMet.err()).isZero();
        assertThat(notMet.out()).contains("The payer found the quality performance standard met: no.");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("--met-quality-standard");
    }

    /**
     * --set could not give a table by measure in any form ("expected an object keyed by measure id"):
     * name.MEASURE=value gives one entry, and a JSON object the whole table; either way the measures
     * given are the table, as the API's object is. P01 of the small panel has 91 members meeting CBP: 91 x 5.00 = 455.00.
     */
    @Test
    void aTableByMeasureIsSetByEntryOrAsJson() throws Exception {
        for (String[] set : java.util.List.of(new String[] {"--set", "bonusPerMemberMeetingMeasure.CBP=5"},
                new String[] {"--set", "bonusPerMemberMeetingMeasure={\"CBP\": \"5\"}"})) {
            CommandLineRun r = run(concat(new String[] {"evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/small-panel.json",
                    "--json"}, set));
            assertThat(r.exitCode()).as(r.err()).isZero();
            tools.jackson.databind.JsonNode settlement = org.accord.io.Json.MAPPER.readTree(r.out());
            java.util.List<String> bonuses = new java.util.ArrayList<>();
            settlement.get("lines").forEach(line -> {
                if (line.get("rule").asString().startsWith("Each member meeting")) {
                    bonuses.add(line.get("scope").asString() + " " + line.get("detail").asString() + " " + line.get("amount").asString());
                }
            });
            assertThat(bonuses).as(String.join(" ", set)).containsExactly("P01 CBP 455.00", "P02 CBP 395.00", "P03 CBP 505.00");
        }
        CommandLineRun bad = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/small-panel.json",
                "--set", "bonusPerMemberMeetingMeasure.ZZZ=5");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bonusPerMemberMeetingMeasure").contains("ZZZ").contains("[AWV, BCS, CBP, COL, DSF, HBD-POOR]");
    }

    /** A name given twice kept its last value without a word; a contract's spec likewise. */
    @Test
    void anOverrideGivenTwiceIsRefusedNamingIt() {
        CommandLineRun twice = run("evaluate", "--template", "mssp-basic", "--facts", "examples/small-panel.json",
                "--set", "maximumSharingRate=0.5", "--set", "maximumSharingRate=0.6");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.out()).isEmpty();
        assertThat(twice.err()).contains("--set: 'maximumSharingRate' is given twice (0.5 and 0.6); give it once");
        CommandLineRun spec = run("compare", "--facts", "examples/small-panel.json", "--baseline", "mssp-basic",
                "--proposal", "mssp-basic:maximumSharingRate=0.5,maximumSharingRate=0.6");
        assertThat(spec.exitCode()).isEqualTo(2);
        assertThat(spec.err()).contains("'maximumSharingRate' is given twice");
    }

    /** PrintStream keeps a failed write to itself: a settlement sent to a full disk exited 0. */
    @Test
    void aSettlementThatCannotBeWrittenIsAFailure() {
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    throw new java.io.IOException("No space left on device");
                }
            }, true));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            exit = org.accord.cli.AccordCommand.run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--json");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        // an error, not bad input (2)
        assertThat(exit).isEqualTo(3);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("standard output could not be written");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void theTemplatesCommandListsTemplatesAndShowsOneInFull() {
        CommandLineRun all = run("templates");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("mssp-basic").contains("ma-capitation").contains("mssp-aco-track-3");
        CommandLineRun one = run("templates", "ma-capitation");
        assertThat(one.out()).contains("Risk corridor [risk-corridor, risk-corridor]").contains("corridorBands").contains("0.02");
    }

    @Test
    void badInputPrintsEachProblemWithItsFieldAndExitsTwo() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--set", "maximumSharingRate=2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--set maximumSharingRate: 2 is above the maximum 1");
        CommandLineRun unknown = run("evaluate", "--template", "no-such", "--facts", "examples/valley-ipa.json");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("/contract/templateId: no template 'no-such'");
    }

    @Test
    void anOverrideWithAHugeExponentNamesTheSetAndTheGrammar() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json",
                "--set", "maximumSharingRate=1E+2147483647");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--set maximumSharingRate: '1E+2147483647' is not a decimal in bounds")
                .contains("at most 30 digits before the point").doesNotContain("-2147483629");
    }

    @Test
    void anOverrideInExponentFormIsReadAsItsPlainValue() throws Exception {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--json",
                "--set", "maximumSharingRate=5E-1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).at("/contract/terms/shared-savings/maximumSharingRate").asString()).isEqualTo("0.5");
    }

    /**
     * One grammar for every decimal (api-spec/accord.yaml, "Decimals"): ".1", as an HTML number input writes a
     * tenth typed so, is 0.1 as "+0.1" and "1e-1" are (".1" was refused while those two were taken); "1." and
     * "0x1" are no decimal, each named with its --set.
     */
    @Test
    void aTenthIsReadAlikeInEveryFormTheGrammarAllowsAndNamedInEveryOtherForm() throws Exception {
        String[] evaluate = {"evaluate", "--template", "ma-capitation", "--facts", "examples/valley-ipa.json", "--json", "--set"};
        JsonNode plain = Json.MAPPER.readTree(run(concat(evaluate, "withholdRate=0.1")).out());
        assertThat(plain.at("/contract/terms/withhold/withholdRate").asString()).isEqualTo("0.1");
        for (String tenth : new String[] {".1", "+0.1", "1e-1", "+.1"}) {
            CommandLineRun r = run(concat(evaluate, "withholdRate=" + tenth));
            assertThat(r.exitCode()).as(tenth + ": " + r.err()).isZero();
            JsonNode settlement = Json.MAPPER.readTree(r.out());
            assertThat(settlement.at("/contract/terms/withhold/withholdRate").asString()).as(tenth).isEqualTo("0.1");
            assertThat(settlement.get("totals")).as(tenth).isEqualTo(plain.get("totals"));
        }
        for (String notADecimal : new String[] {"1.", "0x1", "1,5", "."}) {
            CommandLineRun r = run(concat(evaluate, "withholdRate=" + notADecimal));
            assertThat(r.exitCode()).as(notADecimal).isEqualTo(2);
            assertThat(r.err()).contains("--set withholdRate: '" + notADecimal + "' is not a decimal in bounds");
        }
    }

    @Test
    void factsWithoutEndStopAtTheDocumentedBound() {
        CommandLineRun r = run("evaluate", "--template", "mssp-basic", "--facts", "/dev/zero");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--facts: /dev/zero is larger than 64 MiB");
    }
}
