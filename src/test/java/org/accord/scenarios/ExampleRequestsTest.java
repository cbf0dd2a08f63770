package org.accord.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.accord.io.Csv;
import org.accord.io.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The example requests in examples/scenarios read as the scenarios' request records and run. */
class ExampleRequestsTest {

    private final Scenarios scenarios = Fixtures.scenarios();

    private static <T> T read(String file, Class<T> type) {
        return Json.MAPPER.readValue(Path.of("examples/scenarios", file).toFile(), type);
    }

    @Test
    void compareSharingRate() {
        ComparisonResult result = scenarios.compare(read("compare-sharing-rate.json", CompareRequest.class));
        assertThat(result.proposals()).hasSize(2);
        assertThat(result.proposals().get(0).lines().get(0).delta()).isEqualByComparingTo("1345913.48");
        // Sides named by their template, not by a stored contract version: the version columns are there, empty.
        assertThat(rows(Csv.write(result))).hasSize(result.table().rows().size()).allSatisfy(row -> {
            assertThat(row.get("baselineContractVersion")).isEmpty();
            assertThat(row.get("proposalContractVersion")).isEmpty();
        });
    }

    @Test
    void sweepSharingRateAndCorridor() {
        SweepResult rate = scenarios.sweep(read("sweep-sharing-rate.json", SweepRequest.class));
        assertThat(rate.points()).hasSize(7);
        SweepResult corridor = scenarios.sweep(read("sweep-corridor.json", SweepRequest.class));
        assertThat(corridor.points()).hasSize(12);
        List<CSVRecord> csv = rows(Csv.write(corridor));
        assertThat(csv.get(0).getParser().getHeaderNames()).startsWith("corridorBands[1].threshold", "corridorBands[1].ipaShareOfGains", "payerTotal");
        assertThat(csv.get(0).get("payerTotal")).isEqualTo(corridor.points().get(0).payerTotal().toPlainString());
    }

    @Test
    void simulateSmallPanel() {
        SimulationRequest request = read("simulate-small-panel.json", SimulationRequest.class);
        assertThat(request.trials()).isEqualTo(10_000);
        assertThat(request.expectedCost()).isEqualTo(SimulationRequest.BENCHMARK);
        SimulationResult result = scenarios.simulate(request.withTrials(300));
        assertThat(rows(Csv.write(result))).extracting(r -> r.get("scope")).containsExactly("IPA", "P01", "P02", "P03");
        assertThat(Json.write(result)).contains("\"model\"", "\"probabilityOfSavings\"");
    }

    @Test
    void cashFlowMaCapitation() {
        CashFlowResult result = scenarios.cashFlow(read("cashflow-ma-capitation.json", CashFlowRequest.class));
        assertThat(result.monthsToReconciliation()).isEqualTo(18);
        List<CSVRecord> csv = rows(Csv.write(result));
        assertThat(csv.get(0).get("month")).isEqualTo("2025-01");
        assertThat(csv.get(17).get("cumulativeNet")).isEqualTo(result.months().get(17).cumulativeNet().toPlainString());
        assertThat(Json.write(result)).contains("\"reconciliationMonth\" : \"2026-06\"");
    }

    /** The data rows of a CSV, each readable by column name. */
    private static List<CSVRecord> rows(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
