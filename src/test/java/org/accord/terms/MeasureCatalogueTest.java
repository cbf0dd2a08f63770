package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measure catalogue the engine reads each measure's direction from is the shared quality parameter the templates
 * include: the same measures, the same directions, and the ids a per-member bonus may name.
 */
class MeasureCatalogueTest {

    @Test
    void hbdPoorIsTheLowerIsBetterMeasureAndTheOthersAreHigherIsBetter() {
        assertThat(MeasureCatalogue.measureIds()).containsExactly("AWV", "BCS", "CBP", "COL", "DSF", "HBD-POOR");
        assertThat(MeasureCatalogue.direction("HBD-POOR")).isEqualTo(MeasureCatalogue.LOWER_IS_BETTER);
        assertThat(MeasureCatalogue.direction("CBP")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
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
