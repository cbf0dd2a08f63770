package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.accord.io.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The README's main job: evaluate the example IPA from the command line. */
class EvaluateCommandTest {

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = AccordCommand.run(args);
            return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void theReadmeCommandPrintsASettlementTableWithExplanations() {
        Result r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Settlement of valley-ipa, performance year 2025, under mssp-basic")
                .contains("Shared savings $").contains("Minimum savings rate 2.306% for 39,400 assigned beneficiaries")
                .contains("Distribution $").contains("P25    Montague Community Practice")
                .containsPattern("Rules sha256:[0-9a-f]{64}");
    }

    @Test
    void jsonOutputCarriesDecimalsAsExactStrings() throws Exception {
        Result r = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/small-panel.json", "--json",
                "--set", "negotiatedPercentage=1.123456789012345678901");
        assertThat(r.code()).isZero();
        JsonNode settlement = Json.MAPPER.readTree(r.out());
        assertThat(settlement.get("contract").get("overrides").get("negotiatedPercentage").asString()).isEqualTo("1.123456789012345678901");
        assertThat(settlement.get("lines").get(0).get("amount").isString()).isTrue();
    }

    @Test
    void factsMayComeAsCsvAndSettleLikeTheJson() {
        Result csv = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/valley-ipa.csv",
                "--ipa-id", "valley-ipa", "--year", "2025", "--json");
        Result json = run("evaluate", "--template", "medicaid-ffs-p4p", "--facts", "examples/valley-ipa.json", "--json");
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(Json.MAPPER.readTree(csv.out()).get("totals")).isEqualTo(Json.MAPPER.readTree(json.out()).get("totals"));
    }

    @Test
    void theTemplatesCommandListsTemplatesAndShowsOneInFull() {
        Result all = run("templates");
        assertThat(all.code()).isZero();
        assertThat(all.out()).contains("mssp-basic").contains("ma-capitation").contains("mssp-2018-track-3");
        Result one = run("templates", "ma-capitation");
        assertThat(one.out()).contains("Risk corridor [risk-corridor, risk-corridor]").contains("innerBandWidth").contains("0.02");
    }

    @Test
    void badInputPrintsEachProblemWithItsFieldAndExitsTwo() {
        Result r = run("evaluate", "--template", "mssp-basic", "--facts", "examples/valley-ipa.json", "--set", "maximumSharingRate=2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("/contract/overrides/maximumSharingRate: 2 is above the maximum 1");
        Result unknown = run("evaluate", "--template", "no-such", "--facts", "examples/valley-ipa.json");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("/contract/templateId: no template 'no-such'");
    }
}
