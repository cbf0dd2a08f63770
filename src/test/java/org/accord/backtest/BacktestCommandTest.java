package org.accord.backtest;

import static org.accord.testing.CommandLineRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.io.Json;
import org.accord.testing.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code accord backtest cms-puf}: the summary line, the misses, --json, --csv and exit codes. */
class BacktestCommandTest {

    @TempDir
    Path folder;

    @Test
    void theShippedFileIsReproducedAndReportedAsJsonAndCsv() throws IOException {
        Path csv = folder.resolve("aco.csv");
        CommandLineRun run = run("backtest", "cms-puf", "--file", Cms2018.FILE.toString(), "--json", "--csv", csv.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(names(json)).containsExactly("layout", "layoutHash", "performanceYear", "reproduced", "explained", "unexplained", "total",
                "explainedBy", "misses");
        assertThat(json.get("layout").asString()).isEqualTo("mssp-aco-puf-2018");
        assertThat(json.get("performanceYear").asInt()).isEqualTo(2018);
        assertThat(json.get("reproduced").asInt()).isEqualTo(548);
        assertThat(json.get("explained").asInt()).isZero();
        assertThat(json.get("unexplained").asInt()).isZero();
        assertThat(json.get("total").asInt()).isEqualTo(548);
        assertThat(json.get("misses").isArray()).isTrue();
        assertThat(json.get("misses")).isEmpty();
        // The REST adapter serialises the same record: the same document.
        assertThat(json).isEqualTo(Json.MAPPER.readTree(Json.write(Cms2018.RESULT)));

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("aco_id,track,expected,computed,difference,within_tolerance,explained_by");
        assertThat(lines).hasSize(1 + 548);
        assertThat(lines).contains("A1409,1,12118223.00,12118222.50,-0.50,true,", "A2392,1+,-1757683.00,-1757682.90,0.10,true,");
    }

    @Test
    void aMissIsCountedTabledWithItsExplanationsAndExitsOne() throws IOException {
        // A3336's published amount moved by $500: beyond its tolerance of $134.02.
        String text = Cms2018.rowsOf("A3336", "A3551").replace(",-1813633,", ",-1814133,");
        Path file = Files.writeString(folder.resolve("moved.csv"), text);

        CommandLineRun table = run("backtest", "cms-puf", "--file", file.toString());
        assertThat(table.exitCode()).isEqualTo(1);
        List<String> out = table.out().lines().toList();
        assertThat(out.get(0)).isEqualTo("backtest: 1 of 2 ACOs reproduced within tolerance; 0 missed for an input the file does not publish; 1 unexplained");
        assertThat(out).anySatisfy(l -> assertThat(l).startsWith("A3336").contains("-1,814,133.00", "-1,813,566.36", "566.64", "134.02"));
        assertThat(table.out()).contains("miss: the settlement differs from EarnSaveLoss by 566.64, beyond the tolerance of 134.01836")
                .contains("unexplained")
                .contains("Shared losses -$1,813,566.36: losses $4,400,612.00");
        assertThat(table.out()).doesNotContain("A3551");

        CommandLineRun json = run("backtest", "cms-puf", "--file", file.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode miss = Json.MAPPER.readTree(json.out()).get("misses").get(0);
        assertThat(names(miss)).contains("acoId", "track", "expected", "computed", "difference", "tolerance", "explainedBy", "lines");
        assertThat(miss.get("explainedBy")).isEmpty();
        assertThat(miss.get("acoId").asString()).isEqualTo("A3336");
        assertThat(miss.get("track").asString()).isEqualTo("2");
        assertThat(miss.get("expected").asString()).isEqualTo("-1814133.00");
        assertThat(miss.get("computed").asString()).isEqualTo("-1813566.36");
        assertThat(miss.get("difference").asString()).isEqualTo("566.64");
        assertThat(miss.get("tolerance").asString()).isEqualTo("134.01836");
        assertThat(miss.get("lines")).anySatisfy(l -> assertThat(l.get("explanation").asString()).startsWith("Shared losses -$1,813,566.36"));
    }

    @Test
    void badInputExitsTwoNamingTheRowAndColumn() throws IOException {
        String text = Cms2018.rowsOf("A3551").replace(",13085,", ",many,");
        Path file = Files.writeString(folder.resolve("bad.csv"), text);
        CommandLineRun run = run("backtest", "cms-puf", "--file", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("line 2 (ACO_ID A3551), column N_AB: 'many' is not a number");

        CommandLineRun missing = run("backtest", "cms-puf", "--file", folder.resolve("absent.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--file: cannot read");
    }

    @Test
    void theCsvReportHasOneRowPerAcoInFileOrder() throws IOException {
        BacktestResult result = Backtest.compare(Backtest.read(new StringReader(Cms2018.rowsOf("A1215", "A3075"))),
                Backtest.evaluate(Cms2018.SERVICE, Backtest.read(new StringReader(Cms2018.rowsOf("A1215", "A3075")))));
        java.io.StringWriter out = new java.io.StringWriter();
        Backtest.writeCsv(result, out);
        assertThat(out.toString()).isEqualTo("""
                aco_id,track,expected,computed,difference,within_tolerance,explained_by
                A1215,3,-6101212.00,-6101212.60,-0.60,true,
                A3075,1,0.00,0.00,0.00,true,
                """);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }



    @Test
    void layoutsAndTemplatesFromFoldersAreAddedToTheShippedOnes() throws IOException {
        Path fixture = Path.of("examples/cms/fixture-2024");
        CommandLineRun run = run("backtest", "cms-puf", "--file", fixture.resolve("mssp-aco-puf-2024-fixture.csv").toString(),
                "--layouts", fixture.resolve("layouts").toString(), "--templates", fixture.resolve("templates").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("backtest: 8 of 9 ACOs reproduced within tolerance; "
                + "1 missed for an input the file does not publish (participantRevenue 1); 0 unexplained");
        assertThat(run.out()).contains("X0007").contains("explained: needs participantRevenue, which the file does not publish");
    }

    @Test
    void aTemplateFolderWhoseTemplateHasAShippedIdIsRefusedNamingTheFile() throws IOException {
        // a folder's template is self-contained: the shipped one as the catalog composed it
        Files.writeString(folder.resolve("mine.yaml"), new String(org.accord.terms.TemplateCatalog.shippedTexts().get("mssp-aco-basic-a.yaml"), java.nio.charset.StandardCharsets.UTF_8));
        CommandLineRun run = run("backtest", "cms-puf", "--file", Cms2018.FILE.toString(), "--templates", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mine.yaml: a template with id 'mssp-aco-basic-a' is already known: give yours another id");
    }

    @Test
    void layoutsWhoseHeadersBothMatchAreToldApartByTheYearInTheFileName() throws IOException {
        // The 2021 file has every column the 2018 layout requires: the name's year chooses.
        Path renamed = Files.copy(Path.of("examples/cms/mssp-aco-puf-2021.csv"), folder.resolve("results.csv"));
        CommandLineRun unnamed = run("backtest", "cms-puf", "--file", renamed.toString());
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).contains("the header matches layouts [mssp-aco-puf-2018, mssp-aco-puf-2021]")
                .contains("name the layout");

        CommandLineRun named = run("backtest", "cms-puf", "--file", renamed.toString(), "--layout", "mssp-aco-puf-2021", "--json");
        assertThat(named.exitCode()).as(named.err()).isZero();
        JsonNode result = Json.MAPPER.readTree(named.out());
        assertThat(result.get("performanceYear").asInt()).isEqualTo(2021);
        // as the API answers: a line without an amount (the 2021 file's explained misses' quality-gate
        // lines) leaves the amount out rather than writing null
        assertThat(result.get("misses")).isNotEmpty();
        assertThat(result.at("/misses/0/lines")).anySatisfy(line -> assertThat(line.has("amount")).isFalse());
        assertThat(named.out()).doesNotContain("null");
    }
}
