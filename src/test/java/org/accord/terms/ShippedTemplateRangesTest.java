package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shipped template's declared range for a parameter lies within what the parameter's concept lets any contract mean:
 * its bounds, and where the concept holds it to a few values, the least and largest of them. mssp-basic declared the
 * elected minimum savings rate from 0 to 0.122 while the concept takes only 0 to 0.02 in steps of 0.005 (42 CFR
 * 425.605(b)(2)): a negotiator reading 0.122 would be refused every value above 0.02.
 */
class ShippedTemplateRangesTest {

    @Test
    void everyShippedTemplatesDeclaredRangesLieWithinItsConceptsBounds() {
        ConceptRegistry concepts = ConceptRegistry.shipped();
        List<String> outside = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (ContractTemplate template : TemplateCatalog.load().all()) {
            for (ClauseTemplate clause : template.clauses()) {
                ConceptDescriptor concept = concepts.get(clause.concept());
                for (ParameterDeclaration parameter : clause.parameters()) {
                    ConceptDescriptor.Parameter declared = concept.parameters().get(parameter.name());
                    BigDecimal least = declared.allowed().isEmpty() ? declared.minimum()
                            : declared.allowed().stream().min(BigDecimal::compareTo).orElseThrow();
                    BigDecimal largest = declared.allowed().isEmpty() ? declared.maximum()
                            : declared.allowed().stream().max(BigDecimal::compareTo).orElseThrow();
                    String at = template.id() + " " + clause.id() + " " + parameter.name();
                    checked.add(at);
                    if (least != null && parameter.minimum() != null && parameter.minimum().compareTo(least) < 0) {
                        outside.add(at + ": minimum " + parameter.minimum().toPlainString() + " below " + least.toPlainString());
                    }
                    if (largest != null && parameter.maximum() != null && parameter.maximum().compareTo(largest) > 0) {
                        outside.add(at + ": maximum " + parameter.maximum().toPlainString() + " above " + largest.toPlainString());
                    }
                }
            }
        }

        // Templates that extend another and include shared parameter files are read as they resolve.
        assertThat(checked).contains("mssp-basic shared-savings electedMinimumSavingsRate", "mssp-aco-basic-d shared-savings electedMinimumSavingsRate",
                "ma-capitation risk-corridor corridorBands");
        assertThat(outside).isEmpty();
    }
}
