package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measure catalogue a template's recorded directions are checked against (and composed from) is the shared quality
 * parameter the templates include: the same measures, the same directions, and the ids a per-member bonus may name.
 */
class MeasureCatalogueTest {

    @Test
    void hbdPoorIsTheLowerIsBetterMeasureAndTheOthersAreHigherIsBetter() {
        assertThat(MeasureCatalogue.measureIds()).containsExactly("AWV", "BCS", "CBP", "COL", "DSF", "HBD-POOR");
        assertThat(MeasureCatalogue.direction("HBD-POOR")).isEqualTo(MeasureCatalogue.LOWER_IS_BETTER);
        assertThat(MeasureCatalogue.direction("CBP")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
    }

    /**
     * A shipped template whose clause reads a measure's direction records the catalogue's (its hash covers them and a
     * replay reads them from its text); one that records none would settle with the directions of texts stored before
     * templates recorded them, whatever the catalogue says.
     */
    @Test
    void everyShippedTemplateWhoseClauseReadsAMeasuresDirectionRecordsTheCataloguesDirections() {
        java.util.List<String> reading = new java.util.ArrayList<>();
        for (ContractTemplate template : TemplateCatalog.load().all()) {
            boolean reads = template.clauses().stream().anyMatch(clause -> ConceptRegistry.shipped().find(clause.concept())
                    .filter(concept -> concept.facts().contains("Measure.direction")).isPresent());
            if (reads) {
                reading.add(template.id());
                assertThat(template.measureDirections()).as(template.id()).containsOnlyKeys(MeasureCatalogue.measureIds());
                template.measureDirections().forEach((measure, direction) ->
                        assertThat(direction).as(template.id() + " " + measure).isEqualTo(MeasureCatalogue.direction(measure)));
            }
        }
        assertThat(reading).contains("medicaid-ffs-p4p");
    }

    @Test
    void aTextThatRecordsNoDirectionsSettlesWithThoseOfTheRunsStoredBeforeTemplatesRecordedThem() {
        Terms terms = new Terms("none-recorded", "1", "none", 2025, java.util.List.of(), Map.of(), "test");
        assertThat(terms.measureDirection("HBD-POOR")).isEqualTo(MeasureCatalogue.LOWER_IS_BETTER);
        assertThat(terms.measureDirection("CBP")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
        assertThat(terms.measureDirection("AWV")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
    }

    @Test
    void aMeasureTheCatalogueDoesNotKnowIsReadAsHigherIsBetter() {
        assertThat(MeasureCatalogue.direction("CPB")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
    }

    @Test
    void itIsTheCatalogueTheTemplatesIncludeAndTheIdsABonusMayName() {
        TemplateCatalog catalog = TemplateCatalog.load();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> included =
                (Map<String, Map<String, Object>>) catalog.find("ma-capitation").orElseThrow().parameter("measureGates").orElseThrow().valueIn(2025);
        included.forEach((measure, gates) -> assertThat(MeasureCatalogue.direction(measure)).as(measure).isEqualTo(gates.get("direction")));
        assertThat(MeasureCatalogue.measureIds()).containsExactlyElementsOf(included.keySet());
        assertThat(catalog.find("medicaid-ffs-p4p").orElseThrow().parameter("bonusPerMemberMeetingMeasure").orElseThrow().allowedValues())
                .containsExactlyInAnyOrderElementsOf(MeasureCatalogue.measureIds());
    }
}
