package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Through every view as a negotiator goes: the example loads, a term changes (the maximum sharing
 * rate from 0.40 to 0.50), the view runs, and every number the page shows is the API's answer
 * to the same request, sent by the test itself. Screenshots of each view land in
 * target/screenshots; the page's own timings are reported (not asserted) in target/web-timings.txt.
 */
class WorkbenchViewsTest extends BrowserTest {

    private static final String TEMPLATE = "mssp-basic";
    private static final String TERM = "maximumSharingRate";
    private static final String NEW_RATE = "0.50";
    private static final int TRIALS = 3_000;

    private final Map<String, String> figures = new LinkedHashMap<>();

    private ObjectNode contract() {
        ObjectNode contract = JSON.createObjectNode().put("templateId", TEMPLATE);
        contract.putObject("overrides").put(TERM, NEW_RATE);
        return contract;
    }

    private ObjectNode request() {
        ObjectNode request = JSON.createObjectNode();
        request.set("contract", contract());
        request.set("facts", exampleFacts("valley-ipa"));
        return request;
    }

    private void openWithTheChangedTerm() {
        open("");
        setTerm(TERM, NEW_RATE);
        assertThat(byId("terms-changed").getText()).isEqualTo("1 term changed.");
    }

    /** The value beside a label in a list of figures under the element. */
    private String figure(WebElement within, String label) {
        return within.findElement(By.xpath(".//dt[normalize-space()=\"" + label + "\"]/following-sibling::dd[1]")).getText();
    }

    /** Each chart's axis titles in the view, as ECharts holds them: "x: …; y: …", empty where an axis has none. */
    @SuppressWarnings("unchecked")
    private List<String> axisTitles(String view) {
        return (List<String>) script("return [...document.querySelectorAll('#view-' + arguments[0] + ' .chart')].map(chart => {"
                + " const option = echarts.getInstanceByDom(chart).getOption();"
                + " const titles = axes => axes.map(axis => axis.name || '').join(', ');"
                + " return 'x: ' + titles(option.xAxis) + '; y: ' + titles(option.yAxis); })", view);
    }

    private void record(String what, Object value) {
        figures.put(what, String.valueOf(value));
    }

    @Test
    void theFirstViewShowsTheTermsInForceAndTheExampleAsTheServerReadIt() {
        open("");
        record("first view usable after load, ms (cold browser cache)", timings().get("usable"));
        open("");
        record("first view usable after load, ms (warm browser cache)", timings().get("usable"));

        JsonNode reading = get("/example-facts/valley-ipa");
        JsonNode summary = reading.get("summary");
        WebElement shown = byId("facts-summary");
        assertThat(ungrouped(figure(shown, "Practices"))).isEqualTo(summary.get("practices").asString());
        assertThat(ungrouped(figure(shown, "Attributed members"))).isEqualTo("39400").isEqualTo(summary.get("attributedMembers").asString());
        assertThat(ungrouped(figure(shown, "Member months"))).isEqualTo(summary.get("memberMonths").asString());
        assertThat(ungrouped(figure(shown, "Total cost of care, USD"))).isEqualTo(summary.get("totalCostOfCare").asString());
        List<List<String>> measures = table("Quality measures, all practices");
        assertThat(measures).hasSize(summary.get("measures").size());
        for (int i = 0; i < measures.size(); i++) {
            JsonNode measure = summary.get("measures").get(i);
            assertThat(measures.get(i)).containsExactly(measure.get("measureId").asString(), measure.get("practices").asString(),
                    grouped(measure.get("numerator").asString()), grouped(measure.get("denominator").asString()),
                    grouped(measure.get("exclusions").asString()));
        }

        ObjectNode validate = JSON.createObjectNode();
        validate.putObject("contract").put("templateId", TEMPLATE);
        validate.set("facts", exampleFacts("valley-ipa"));
        JsonNode resolved = post("/evaluations:validate", validate);
        for (JsonNode clause : resolved.get("clauses")) {
            clause.get("parameters").properties().forEach(parameter -> {
                if (parameter.getValue().isString() && !browser.findElements(By.cssSelector("input#term-" + parameter.getKey())).isEmpty()) {
                    assertThat(byId("term-" + parameter.getKey()).getDomProperty("value")).as(parameter.getKey())
                            .isEqualTo(parameter.getValue().asString());
                }
            });
        }
        assertThat(byId("term-" + TERM).getDomProperty("value")).isEqualTo("0.40");
        assertThat(byId("term-" + TERM).getDomAttribute("min")).isEqualTo("0");
        assertThat(byId("term-" + TERM).getDomAttribute("max")).isEqualTo("1");

        screenshot("terms", byId("contract"));
        screenshot("facts", byId("facts"));
    }

    @Test
    void theSettlementShowsTheApisTotalsAndEveryLineWithItsExplanation() {
        openWithTheChangedTerm();
        WebElement results = run("settlement");
        JsonNode settlement = post("/evaluations", request());

        JsonNode totals = settlement.get("totals");
        assertThat(ungrouped(figure(results, "Payer total, USD"))).isEqualTo(totals.get("payerTotal").asString());
        assertThat(ungrouped(figure(results, "IPA pool, USD"))).isEqualTo(totals.get("ipaPool").asString());
        assertThat(ungrouped(figure(results, "Retained by the IPA, USD"))).isEqualTo(totals.get("retainedByIpa").asString());
        List<List<String>> practices = table("Practice totals");
        assertThat(practices).hasSize(25);
        for (int i = 0; i < practices.size(); i++) {
            JsonNode practice = totals.get("practices").get(i);
            assertThat(practices.get(i).get(0)).isEqualTo(practice.get("practiceId").asString());
            assertThat(ungrouped(practices.get(i).get(2))).isEqualTo(practice.get("paidDirectly").asString());
            assertThat(ungrouped(practices.get(i).get(3))).isEqualTo(practice.get("distributed").asString());
            assertThat(ungrouped(practices.get(i).get(4))).isEqualTo(practice.get("total").asString());
        }
        List<List<String>> lines = table("Settlement lines, every scope");
        assertThat(lines).hasSize(settlement.get("lines").size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = settlement.get("lines").get(i);
            assertThat(lines.get(i).subList(0, 5)).containsExactly(line.get("scope").asString(), line.get("clause").asString(),
                    line.get("flow").asString(), grouped(line.get("amount").asString()), line.get("explanation").asString());
        }

        String csv = download("Download CSV: Practice totals", "settlement-practice-totals.csv");
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("Practice,Name,\"Paid directly, USD\",\"Distributed, USD\",\"Total, USD\"");
        JsonNode first = totals.get("practices").get(0);
        assertThat(rows.get(1)).isEqualTo(String.join(",", first.get("practiceId").asString(), first.get("name").asString(),
                first.get("paidDirectly").asString(), first.get("distributed").asString(), first.get("total").asString()));
        assertThat(rows).hasSize(26);
        assertThat(downloadBytes("Download PNG: What each practice receives, USD: paid directly and distributed from the IPA pool",
                "settlement-practices.png")).startsWith(0x89, 'P', 'N', 'G');

        assertThat(axisTitles("settlement")).containsExactly("x: ; y: USD");

        new Select(byId("settlement-scope")).selectByValue("P03");
        assertThat(table("Settlement lines of P03")).isNotEmpty().allSatisfy(row -> assertThat(row.get(0)).isEqualTo("P03"));
        record("settlement of the 25-practice example, click to chart drawn, ms", timings().get("settlement"));
        new Select(byId("settlement-scope")).selectByValue("");
        screenshot("settlement", byId("view-settlement"));
    }

    /**
     * A proposal that pays cost performance more (weights 0.25 / 0.25 / 0.50 instead of 0.50 /
     * 0.25 / 0.25) besides the higher sharing rate: some practices gain, others lose.
     */
    @Test
    void compareShowsEachPracticesChangeLargestFirst() {
        openWithTheChangedTerm();
        setTerm("memberMonthsWeight", "0.25");
        setTerm("costPerformanceWeight", "0.50");
        run("compare");
        ObjectNode proposed = contract();
        ((ObjectNode) proposed.get("overrides")).put("memberMonthsWeight", "0.25").put("costPerformanceWeight", "0.50");
        ObjectNode request = JSON.createObjectNode();
        request.set("facts", exampleFacts("valley-ipa"));
        request.putObject("baseline").put("templateId", TEMPLATE);
        request.putArray("proposals").add(proposed);
        JsonNode comparison = post("/scenarios/compare", request);
        JsonNode proposal = comparison.get("proposals").get(0);

        assertThat(table("Proposals side by side: the IPA’s totals")).containsExactly(
                List.of("the template as it stands (mssp-basic)", grouped(comparison.at("/baseline/totals/payerTotal").asString()),
                        grouped(comparison.at("/baseline/riskSharing").asString()), grouped(comparison.at("/baseline/totals/ipaPool").asString()),
                        grouped(comparison.at("/baseline/totals/retainedByIpa").asString())),
                List.of("the terms as they are now", grouped(proposal.at("/contract/totals/payerTotal").asString()),
                        grouped(proposal.at("/contract/riskSharing").asString()), grouped(proposal.at("/contract/totals/ipaPool").asString()),
                        grouped(proposal.at("/contract/totals/retainedByIpa").asString())));
        List<List<String>> practices = table("Each practice, largest change first: the terms as they are now");
        assertThat(practices).hasSize(25);
        for (int i = 0; i < practices.size(); i++) {
            JsonNode practice = proposal.get("practices").get(i);
            assertThat(practices.get(i)).containsExactly(practice.get("item").asString(), practice.get("name").asString(),
                    grouped(practice.get("baseline").asString()), grouped(practice.get("proposal").asString()),
                    grouped(practice.get("delta").asString()));
        }
        assertThat(practices).anySatisfy(row -> assertThat(row.get(4)).startsWith("-"))
                .anySatisfy(row -> assertThat(row.get(4)).doesNotStartWith("-"));
        List<List<String>> terms = table("Terms that differ: the terms as they are now");
        assertThat(terms).hasSize(3).contains(List.of("shared-savings", TERM, "0.40", NEW_RATE));
        for (int i = 0; i < terms.size(); i++) {
            JsonNode difference = proposal.get("termDifferences").get(i);
            assertThat(terms.get(i)).containsExactly(difference.get("clause").asString(), difference.get("parameter").asString(),
                    difference.get("baselineValue").asString(), difference.get("proposalValue").asString());
        }
        List<List<String>> ipa = table("The IPA's totals: the terms as they are now");
        Map<String, String> words = Map.of("payerTotal", "Payer total", "riskSharing", "Risk sharing", "ipaPool", "IPA pool",
                "retainedByIpa", "Retained by the IPA");
        for (int i = 0; i < ipa.size(); i++) {
            assertThat(ipa.get(i).get(0)).isEqualTo(words.get(proposal.get("ipaTotals").get(i).get("item").asString()));
            assertThat(ungrouped(ipa.get(i).get(3))).isEqualTo(proposal.get("ipaTotals").get(i).get("delta").asString());
        }
        assertThat(axisTitles("compare")).containsExactly("x: change, USD; y: ");
        record("compare, click to chart drawn, ms", timings().get("compare"));
        screenshot("compare", byId("view-compare"));
    }

    @Test
    void aSweepOfOneTermDrawsItsTwentyPointsAndOfTwoTermsAHeatMap() {
        openWithTheChangedTerm();
        showView("sweep");
        new Select(byId("sweep-parameter-0")).selectByValue(TERM);
        fill("sweep-start-0", "0.05");
        fill("sweep-end-0", "1.00");
        fill("sweep-step-0", "0.05");
        new Select(byId("sweep-practices")).selectByValue("P15");
        run("sweep");
        record("sweep of 20 points, click to chart drawn, ms", timings().get("sweep"));

        ObjectNode request = request();
        // the page sweeps the changed term over the range, leaving its changed value out of the overrides
        ((ObjectNode) request.get("contract").get("overrides")).remove(TERM);
        request.putArray("vary").addObject().put("parameter", TERM).put("start", "0.05").put("end", "1.00").put("step", "0.05");
        JsonNode points = post("/scenarios/sweep", request).get("points");
        List<List<String>> shown = table("Every point of the sweep (20)");
        assertThat(shown).hasSize(20);
        for (int i = 0; i < 20; i++) {
            JsonNode point = points.get(i);
            String p15 = point.get("practices").get(14).get("total").asString();
            assertThat(shown.get(i)).containsExactly(point.get("values").get(TERM).asString(), grouped(point.get("payerTotal").asString()),
                    grouped(point.get("riskSharing").asString()), grouped(point.get("ipaPool").asString()),
                    grouped(point.get("retainedByIpa").asString()), grouped(p15));
        }
        assertThat(axisTitles("sweep")).containsExactly("x: maximumSharingRate (rate); y: USD");
        screenshot("sweep-lines", byId("view-sweep"));

        byId("sweep-two").click();
        new Select(byId("sweep-parameter-1")).selectByValue("minimumQualityScore");
        fill("sweep-start-1", "0.50");
        fill("sweep-end-1", "0.95");
        fill("sweep-step-1", "0.05");
        run("sweep");
        record("sweep of 20 x 10 points (heat map), click to chart drawn, ms", timings().get("sweep"));
        ((ArrayNode) request.get("vary")).addObject().put("parameter", "minimumQualityScore").put("start", "0.50")
                .put("end", "0.95").put("step", "0.05");
        JsonNode grid = post("/scenarios/sweep", request).get("points");
        List<List<String>> cells = table("Every point of the sweep (200)");
        assertThat(cells).hasSize(200);
        for (int i = 0; i < 200; i++) {
            JsonNode point = grid.get(i);
            assertThat(cells.get(i).subList(0, 3)).containsExactly(point.get("values").get(TERM).asString(),
                    point.get("values").get("minimumQualityScore").asString(), grouped(point.get("payerTotal").asString()));
        }
        assertThat(axisTitles("sweep")).containsExactly("x: maximumSharingRate (rate); y: minimumQualityScore (rate)");
        screenshot("sweep-heat-map", byId("view-sweep"));
    }

    @Test
    void aSimulationShowsItsProgressThroughoutThenTheApisDistribution() {
        openWithTheChangedTerm();
        showView("simulate");
        // 3,000 trials, not the page's 10,000: long enough to watch the progress change, for less than a third of the work
        fill("simulate-trials", String.valueOf(TRIALS));
        byId("simulate-run").click();
        WebElement results = byId("simulate-results");
        WebElement progress = byId("simulate-progress");
        Set<String> elapsed = new LinkedHashSet<>();
        int polls = 0;
        int pollsWithProgressShown = 0;
        while (!List.of("ready", "failed").contains(results.getDomAttribute("data-state"))) {
            polls++;
            // read in one step, so that the answer cannot hide the progress between a look and a read
            Object shown = script("return document.getElementById('simulate-progress').hidden ? null"
                    + " : document.getElementById('simulate-progress-text').textContent");
            if (shown != null) {
                pollsWithProgressShown++;
                elapsed.add(shown.toString());
            }
            sleep(100);
        }
        assertThat(results.getDomAttribute("data-state")).as(byId("simulate-problems").getText()).isEqualTo("ready");
        // shown from the click until the answer (the last poll may fall between the answer and the chart)
        assertThat(pollsWithProgressShown).isGreaterThanOrEqualTo(polls - 1);
        String trials = grouped(String.valueOf(TRIALS));
        assertThat(elapsed).hasSizeGreaterThanOrEqualTo(2).allSatisfy(text -> assertThat(text).startsWith("Simulating " + trials + " trials on the server: "));
        // the job's own count of trials settled, read from the server while it ran
        assertThat(elapsed).anySatisfy(text -> assertThat(text).matches("Simulating " + trials + " trials on the server: [0-9,]+ of " + trials + " trials done\\."));
        assertThat(progress.isDisplayed()).isFalse();
        record("simulation of " + trials + " trials x 25 practices, click to charts drawn, ms", timings().get("simulate"));
        record("simulation: distinct progress texts seen while it ran (page polls the job every 250 ms, test every 100 ms)", elapsed.size());

        ObjectNode request = request();
        request.put("trials", TRIALS).put("seed", 42).put("expectedCost", "observed").put("coefficientOfVariation", "2.5")
                .put("costDistribution", "gamma").put("varyQuality", true);
        JsonNode result = post("/scenarios/simulate", request);
        JsonNode ipa = result.get("ipa");
        assertThat(ungrouped(figure(results, "Expected payout, USD"))).isEqualTo(ipa.get("expectedValue").asString());
        assertThat(ungrouped(figure(results, "95th percentile, USD"))).isEqualTo(ipa.get("payout").get("p95").asString());
        assertThat(figure(results, "Probability of earning savings")).isEqualTo(ipa.get("probabilityOfSavings").asString());
        assertThat(results.findElement(By.cssSelector(".model p")).getText()).isEqualTo(result.get("model").asString());
        List<List<String>> bins = table("Payout histogram");
        JsonNode expectedBins = result.get("payoutHistogram").get("bins");
        assertThat(bins).hasSize(expectedBins.size());
        for (int i = 0; i < bins.size(); i++) {
            JsonNode bin = expectedBins.get(i);
            assertThat(bins.get(i)).containsExactly(grouped(bin.get("from").asString()), grouped(bin.get("to").asString()),
                    grouped(bin.get("trials").asString()));
        }
        List<List<String>> practices = table("Each practice over the simulated years");
        for (int i = 0; i < practices.size(); i++) {
            JsonNode practice = result.get("practices").get(i);
            assertThat(practices.get(i).subList(3, 5)).containsExactly(practice.get("probabilityOfSavings").asString(),
                    practice.get("probabilityOfLosses").asString());
        }
        assertThat(axisTitles("simulate")).containsExactly("x: payout from, USD; y: trials", "x: probability; y: ");
        screenshot("simulate", byId("view-simulate"));
    }

    @Test
    void theCashFlowMarksTheMonthTheCumulativeNetTurnsPositive() {
        openWithTheChangedTerm();
        showView("cash-flow");
        // written as the page writes amounts: one cost of 200,000, not the three costs 200 and 000 a comma once split it into
        fill("cash-flow-costs", "$200,000");
        WebElement results = run("cash-flow");
        ObjectNode request = request();
        request.put("scope", "IPA").put("payForPerformance", "reconciliation").putArray("monthlyCosts").add("200000");
        JsonNode cashFlow = post("/scenarios/cash-flow", request);

        assertThat(results.findElement(By.cssSelector(".headline")).getText()).isEqualTo("The cumulative net turns positive in "
                + cashFlow.get("firstPositiveMonth").asString() + ", month " + cashFlow.get("monthsToFirstPositive").asString() + ".");
        List<List<String>> months = table("Month by month");
        assertThat(months).hasSize(cashFlow.get("months").size());
        for (int i = 0; i < months.size(); i++) {
            JsonNode month = cashFlow.get("months").get(i);
            List<String> row = months.get(i);
            assertThat(row.get(0)).isEqualTo(month.get("month").asString());
            assertThat(ungrouped(row.get(row.size() - 1))).isEqualTo(month.get("cumulativeNet").asString());
            assertThat(ungrouped(row.get(row.size() - 3))).isEqualTo(month.get("cost").asString());
        }
        assertThat(axisTitles("cash-flow")).containsExactly("x: ; y: USD");
        record("cash flow, click to chart drawn, ms", timings().get("cash-flow"));
        screenshot("cash-flow", byId("view-cash-flow"));
    }

    /** Found from outside: a reconciliation lag of one month read "1 months after", on the page as on the command line. */
    @Test
    void theCashFlowSaysALagOfOneMonthInTheSingular() {
        open("");
        setTerm("reconciliationLagMonths", "1");
        showView("cash-flow");
        fill("cash-flow-costs", "$200,000");
        WebElement results = run("cash-flow");

        assertThat(figure(results, "Reconciliation paid in")).isEqualTo("2026-01 (month 13, 1 month after the period)");
    }

    @AfterAll
    void report() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Browser timings (headless Chromium " + browser.getCapabilities().getBrowserVersion() + ", server and browser on one "
                + "machine, loopback; load average at the end " + Files.readString(Path.of("/proc/loadavg")).strip() + ")");
        figures.forEach((what, value) -> lines.add(String.format(Locale.ROOT, "  %-90s %s", what, value)));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/web-timings.txt"), lines);
    }
}
