package org.accord.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ContractTemplate;
import org.junit.jupiter.api.Test;

/**
 * The path rules/README.md ("A reviewer's walk-through") tells a reviewer to follow: the example
 * IPA settled under ENHANCED with the minimum savings rate taken from the CMS table, its
 * shared-savings line followed back to the rule that wrote it, the paragraph quoted above that
 * rule in the contract document, and the row of the minimum savings rate table that set the rate.
 */
class ReviewerWalkThroughTest {

    @Test
    void theSharedSavingsLineOfTheExampleIpaLeadsToItsRuleItsParagraphAndItsTableRow() {
        EvaluationService service = EvaluationService.load();
        Map<String, String> terms = Map.of("minimumSavingsRateBasis", "population");
        Settlement settlement = service.evaluate(new ContractChoice("mssp-enhanced", Map.copyOf(terms)),
                Json.readFacts(Path.of("examples/valley-ipa.json")));
        ContractTemplate enhanced = service.templates().find("mssp-enhanced").orElseThrow();
        String document = ContractDocument.of(enhanced, terms).markdown();

        // 1. The line: the IPA's shared savings, with the rule that wrote it.
        SettlementLine line = settlement.linesFor("IPA").stream().filter(l -> l.clause().equals("shared-savings")).findFirst().orElseThrow();
        assertThat(line.amount()).isEqualByComparingTo(new BigDecimal("10094351.07"));
        assertThat(line.rule()).isEqualTo("Savings at or above the minimum savings rate within the performance payment limit are shared from the first dollar");

        // 2. The rule in the document, under the paragraph it implements and above its verbatim text.
        int heading = document.indexOf("#### Rule \"" + line.rule() + "\"");
        assertThat(heading).isPositive();
        String section = document.substring(heading, document.indexOf("\n#### ", heading + 1));
        assertThat(section).contains("> Cites: 42 CFR 425.604(c)-(e), 425.605(d), 425.610(c)-(e); docs/methodology/medicare-shared-savings-program.md")
                .contains("> \"If an ACO qualifies for savings by meeting or exceeding the MSR, the final sharing rate will apply to an ACO's")
                .contains("```drools\nrule \"" + line.rule() + "\"");

        // 3. Its minimum savings rate came from the finding that consulted the table, naming the range.
        SettlementLine msr = settlement.findings().stream()
                .filter(f -> f.rule().equals("The minimum savings rate for the assigned population comes from the CMS table"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(String.valueOf(line.basis().get("minimumSavingsRate"))))
                .isEqualByComparingTo(new BigDecimal(String.valueOf(msr.basis().get("minimumSavingsRate"))));
        assertThat(msr.basis()).containsEntry("assignedBeneficiaries", 39_400L);
        // 39,400 beneficiaries fall in [20000..50000): 2.5% + (39,400 - 20,000) / (49,999 - 20,000) x (2.2% - 2.5%) = 2.305993...%,
        // shown cut at four places and followed by "..." (it read 2.306%, rounded, though the rules compare the savings rate with it unrounded).
        assertThat(document).contains("| 12 | [20000..50000) | " + msr.basis().get("rangeStart") + " | " + msr.basis().get("rangeEnd")
                + " | 0.025 | 0.022 | 42 CFR 425.604(b) |");
        assertThat(msr.explanation()).contains("Minimum savings rate 2.3059...% for 39,400 assigned beneficiaries");
        // The term the reviewer chose is shown as changed.
        assertThat(document).contains("| `minimumSavingsRateBasis` | population | elected |");
    }
}
