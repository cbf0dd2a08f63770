package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * Findings about the contract as a whole, not any one clause, name no clause: a reviewer reading a clause's findings, or
 * a client grouping findings by clause, finds them apart. They come first among the IPA's findings.
 */
class FindingsOfTheContractTest {

    /** A commercial-global-budget contract on facts of 2025-07-01 to 2026-06-30, a July-to-June year (EvaluationServiceTest). */
    static Settlement acrossTwoYears() throws Exception {
        PerformanceFacts fiscalYear = Json.MAPPER.readValue(
                FindingsOfTheContractTest.class.getResourceAsStream("/facts/across-years/fiscal-year-global-budget.json"),
                PerformanceFacts.class);
        return Engine.service().evaluate(ContractChoice.of("commercial-global-budget"), fiscalYear);
    }

    @Test
    void aVersionsStandingIsAFindingOfTheContractNamingNoClause() throws Exception {
        Settlement settled = acrossTwoYears().from(new Settlement.StoredVersion("v1", "sha256:v1",
                new VersionStanding(1, VersionStanding.UNPUBLISHED, List.of())));

        SettlementLine standing = settled.findings().get(0);
        assertThat(standing.rule()).isEqualTo(VersionStanding.RULE);
        // filed under the contract's first clause before, "global-budget"
        assertThat(standing.clause()).isNull();
        assertThat(standing.scope()).isEqualTo("IPA");
    }

    @Test
    void aTermsValueInAnotherYearOfThePeriodIsAFindingOfTheContractBeforeTheClauses() throws Exception {
        Settlement settled = acrossTwoYears();

        List<SettlementLine> ofTheContract = settled.findings().stream().filter(f -> f.clause() == null).toList();
        assertThat(ofTheContract).extracting(SettlementLine::detail)
                .contains("budgetPmpm in 2026", "surplusShareRate in 2026", "deficitShareRate in 2026");
        // before the clauses' findings: the first of them comes after every finding of the contract
        assertThat(settled.findings().subList(0, ofTheContract.size())).isEqualTo(ofTheContract);
    }
}
