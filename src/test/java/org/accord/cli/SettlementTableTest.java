package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.junit.jupiter.api.Test;

/** The command line's settlement report. */
class SettlementTableTest {

    /**
     * The findings about the contract as a whole are printed apart, before the findings by clause: on a July-to-June year
     * under commercial-global-budget, the terms whose 2026 value differs from 2025's.
     */
    @Test
    void findingsOfTheContractArePrintedApartFromTheClauses() throws Exception {
        PerformanceFacts fiscalYear = Json.MAPPER.readValue(
                getClass().getResourceAsStream("/facts/across-years/fiscal-year-global-budget.json"), PerformanceFacts.class);
        Settlement settled = org.accord.testing.Engine.service().evaluate(ContractChoice.of("commercial-global-budget"), fiscalYear);

        String report = SettlementTable.render(settled);

        String ofTheContract = report.substring(report.indexOf("\nFindings of the contract as a whole\n"), report.indexOf("\nFindings\n"));
        assertThat(ofTheContract).contains("\n  budgetPmpm (clause global-budget, Global budget) is 1020.00 in performance year 2025");
        String byClause = report.substring(report.indexOf("\nFindings\n"), report.indexOf("\nScope "));
        assertThat(byClause).doesNotContain("budgetPmpm").doesNotContain("null");
    }
}
