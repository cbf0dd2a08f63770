package org.accord.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;

/**
 * The contract document of the ENHANCED template carries what a reviewer follows a loss back to:
 * the loss-rate rule verbatim below the paragraph of 42 CFR 425.610(f)(4)(i) it implements, the
 * minimum savings rate table as a table, and a golden case that settles the clause.
 */
class ContractDocumentTest {

    private static final ContractTemplate ENHANCED = TemplateCatalog.load().find("mssp-enhanced").orElseThrow();

    @Test
    void theEnhancedDocumentHasTheLossRateRuleWithItsParagraphTheMsrTableAndAGoldenCase() {
        String markdown = ContractDocument.of(ENHANCED, Map.of()).markdown();

        assertThat(markdown).startsWith("# Medicare Shared Savings Program, ENHANCED track (two-sided) (mssp-enhanced ");
        // The rule, verbatim, under the paragraph its file quotes above it.
        String rule = "rule \"With the quality standard met the shared loss rate is one less the maximum sharing rate scaled by quality, before its bounds\"";
        assertThat(markdown).contains("#### Rule \"With the quality standard met the shared loss rate is one less the maximum sharing rate scaled by quality, before its bounds\"");
        int paragraph = markdown.indexOf("> Cites: 42 CFR 425.610(f)(4)(i); docs/methodology/medicare-shared-savings-program.md\n"
                + "> \"If the ACO meets either the quality performance standard");
        assertThat(paragraph).isPositive();
        assertThat(markdown.indexOf("```drools\n" + rule)).isGreaterThan(paragraph);
        // The MSR table of 42 CFR 425.604(b): 14 rows, the first [0..500) at 12.2%.
        assertThat(markdown).contains("### Decision table: `rules/payment/msr-by-assigned-population.dmn`");
        assertThat(markdown).contains("| row | Assigned beneficiaries | range start | range end | rate at range start | rate at range end | Source |");
        assertThat(markdown).contains("| 1 | [0..500) | 0 | 499 | 0.122 | 0.122 | 42 CFR 425.604(b) |");
        assertThat(markdown).contains("| 14 | ");
        // A golden case of this template, under its clause and with its derivation at the end.
        assertThat(markdown).contains("- `shared-losses/enhanced-loss-limit-binds.json`: ENHANCED track: losses of 50% of the benchmark");
        assertThat(markdown).contains("- 5,000,000 x 0.40 = 2,000,000.00 > limit 0.15 x 10,000,000 = 1,500,000.00: owed 1,500,000.00.");
        // Which clause feeds which: shared savings' savings and rates feed shared losses.
        assertThat(markdown).containsPattern("shared_savings -->\\|[^|]*Savings[^|]*\\| shared_losses");
        // A term set by regulation says so.
        assertThat(markdown).containsPattern("\\| `sequestrationRate` \\|[^\\n]*\\| no, set by regulation \\|");
    }

    @Test
    void theHtmlIsAPrintablePageWithTheSameTablesAndQuotes() {
        String html = ContractDocument.of(ENHANCED, Map.of()).html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").endsWith("</html>\n");
        assertThat(html).contains("<td>[0..500)</td><td>0</td><td>499</td><td>0.122</td><td>0.122</td>");
        assertThat(html).contains("<blockquote><p>Cites: 42 CFR 425.610(f)(4)(i); docs/methodology/medicare-shared-savings-program.md")
                .contains("&quot;If the ACO meets either the quality performance standard");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void aChangedTermIsShownBesideTheTemplatesValue() {
        String markdown = ContractDocument.of(ENHANCED, Map.of("electedMinimumSavingsRate", "0.01")).markdown();

        assertThat(markdown).contains("| `electedMinimumSavingsRate` | 0.01 | 0.02 |");
        assertThat(markdown).contains("| `electedMinimumSavingsRate` | **0.01** (changed; template: 0.02) |");
    }

    @Test
    void aTermSetByRegulationOrUnknownIsRefusedNamingIt() {
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("sequestrationRate", "0")))
                .hasMessageStartingWith("sequestrationRate is set by regulation");
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("noSuchTerm", "1")))
                .hasMessage("template mssp-enhanced has no term 'noSuchTerm'");
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("electedMinimumSavingsRate", "0.5")))
                .hasMessageStartingWith("electedMinimumSavingsRate: 0.5 is above the maximum 0.02");
    }
}
