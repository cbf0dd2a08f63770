package org.accord.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The count bounds are declared once, in FactLimit; the API document states the same ones. */
class FactLimitTest {

    private static final List<String> FACTS_SCHEMAS = List.of("PerformanceFacts", "PerformancePeriod", "PracticePerformance",
            "QualityMeasureCount");

    private static JsonNode schemas() throws IOException {
        return YAMLMapper.builder().build().readTree(Files.readString(Path.of("api-spec/accord.yaml"))).at("/components/schemas");
    }

    @Test
    void theApiDocumentStatesEveryBoundAsItsMaximum() throws IOException {
        JsonNode schemas = schemas();
        for (FactLimit limit : FactLimit.values()) {
            JsonNode field = schemas.path(limit.record().getSimpleName()).path("properties").path(limit.field());
            String keyword = "array".equals(field.path("type").asString()) ? "maxItems" : "maximum";
            assertThat(field.path(keyword).isNumber()).as("%s.%s has a %s", limit.record().getSimpleName(), limit.field(), keyword)
                    .isTrue();
            assertThat(field.path(keyword).asLong()).as("%s.%s %s", limit.record().getSimpleName(), limit.field(), keyword)
                    .isEqualTo(limit.maximum());
        }
    }

    @Test
    void everyCountInTheFactsHasABound() throws IOException {
        JsonNode schemas = schemas();
        List<String> unbounded = new ArrayList<>();
        for (String schema : FACTS_SCHEMAS) {
            schemas.path(schema).path("properties").properties().forEach(field -> {
                boolean count = "integer".equals(field.getValue().path("type").asString()) && !field.getKey().equals("performanceYear");
                boolean bounded = Arrays.stream(FactLimit.values())
                        .anyMatch(l -> l.record().getSimpleName().equals(schema) && l.field().equals(field.getKey()));
                if (count && !bounded) {
                    unbounded.add(schema + "." + field.getKey());
                }
            });
        }
        assertThat(unbounded).as("counts without a FactLimit").isEmpty();
    }

    @Test
    void ipaWideSumsOfTheBoundedCountsCannotOverflow() {
        long practices = FactLimit.PRACTICES.maximum();
        // Members and measure counts summed over the largest IPA still fit an int ...
        for (FactLimit perMember : List.of(FactLimit.ATTRIBUTED_MEMBERS, FactLimit.NUMERATOR, FactLimit.DENOMINATOR, FactLimit.EXCLUSIONS)) {
            assertThat(practices * perMember.maximum()).as(perMember.name()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        }
        // ... and every count summed in long is far from its limit.
        for (FactLimit limit : FactLimit.values()) {
            assertThat(Math.multiplyHigh(practices, limit.maximum())).as(limit.name()).isZero();
        }
    }
}
