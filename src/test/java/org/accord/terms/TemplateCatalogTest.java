package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    private final com.networknt.schema.Schema schema;

    TemplateCatalogTest() throws Exception {
        schema = TemplateCatalog.schema(Files.readAllBytes(Path.of("contract-templates/template.schema.json")));
    }

    @Test
    void everyShippedTemplateMatchesTheSchemaAndIsAddressedByItsContent() {
        TemplateCatalog catalog = TemplateCatalog.load();
        assertThat(catalog.all()).hasSize(CombinedContracts.shippedTemplateIds().size()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.all()).allSatisfy(t -> assertThat(t.contentHash()).matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void aShippedTemplateFoundByItsIdAloneIsTheOneReadWithAllTheOthers() {
        // find() reads only <id>.yaml (and what it extends or includes); all() reads every file.
        for (ContractTemplate listed : TemplateCatalog.load().all()) {
            ContractTemplate found = TemplateCatalog.load().find(listed.id()).orElseThrow();
            assertThat(found).isEqualTo(listed);
            assertThat(found.contentHash()).isEqualTo(listed.contentHash());
        }
        assertThat(TemplateCatalog.load().find("no-such-template")).isEmpty();
        assertThat(TemplateCatalog.load().find("../template.schema")).isEmpty();
    }

    @Test
    void aTemplateWithAnUnknownKeyOrAParameterWithoutSourceIsRefused() {
        String unknownKey = """
                id: bad
                version: "1"
                name: Bad
                payer: Nobody
                description: A template with a typo
                source: none
                sharingRate: 0.5
                clauses: []
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", unknownKey.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("contract-templates/bad.yaml does not match template.schema.json")
                .hasMessageContaining("sharingRate");
        String noSource = """
                id: bad
                version: "1"
                name: Bad
                payer: Nobody
                description: A parameter without its source
                source: none
                clauses:
                  - id: fee
                    concept: care-management-fee
                    title: Fee
                    text: A fee.
                    source: none
                    parameters:
                      careManagementPmpm: {type: amount, unit: USD, description: fee, value: "1.00"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", noSource.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("source");
    }

    @Test
    void aValueOutsideItsDeclaredRangeIsRefusedWhenTheTemplateLoads() {
        String outOfRange = """
                id: bad
                version: "1"
                name: Bad
                payer: Nobody
                description: A rate above one
                source: none
                clauses:
                  - id: fee
                    concept: fee-for-service
                    title: FFS
                    text: FFS.
                    source: none
                    parameters:
                      negotiatedPercentage: {type: rate, unit: rate, description: rate, source: none, minimum: "0", maximum: "5", value: "7"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", outOfRange.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("negotiatedPercentage").hasMessageContaining("above the maximum 5")
                // one value, in force every year: no "(year 0)" in the message (found from outside)
                .hasMessageNotContaining("year");
    }

    @Test
    void weightsThatDoNotAddUpToOneOrBandsOutOfOrderAreRefusedWhenTheTemplateLoads() {
        String weights = """
                id: bad
                version: "1"
                name: Bad
                payer: Nobody
                description: Weights of 1.1
                source: none
                clauses:
                  - id: distribution
                    concept: distribution
                    title: Distribution
                    text: Split by weight.
                    source: none
                    parameters:
                      memberMonthsWeight: {type: rate, unit: rate, description: w, source: none, values: {2024: "0.5", 2026: "0.6"}}
                      qualityWeight: {type: rate, unit: rate, description: w, source: none, value: "0.25"}
                      costPerformanceWeight: {type: rate, unit: rate, description: w, source: none, value: "0.25"}
                    constraints:
                      - kind: sum-to-one
                        parameters: [memberMonthsWeight, qualityWeight, costPerformanceWeight]
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", weights.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("clause distribution constraint sum-to-one (year 2026)")
                .hasMessageContaining("memberMonthsWeight 0.6 + qualityWeight 0.25 + costPerformanceWeight 0.25 = 1.10");
        String bands = """
                id: bad
                version: "1"
                name: Bad
                payer: Nobody
                description: A middle band starting beyond the outer
                source: none
                clauses:
                  - id: corridor
                    concept: risk-corridor
                    title: Corridor
                    text: Bands.
                    source: none
                    parameters:
                      targetPmpm: {type: amount, unit: USD, description: t, source: none, value: "1000"}
                      corridorBands:
                        type: scale
                        unit: rate
                        description: b
                        source: none
                        value:
                          - {threshold: "0", ipaShareOfGains: "1", ipaShareOfLosses: "1"}
                          - {threshold: "0.05", ipaShareOfGains: "0.5", ipaShareOfLosses: "0.5"}
                          - {threshold: "0.02", ipaShareOfGains: "0.2", ipaShareOfLosses: "0.2"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", bands.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("corridorBands").hasMessageContaining("rung 2's threshold 0.02 is not above rung 1's 0.05");
    }

    /** A template's scale is held to the fields its concept's rules read, as an override is: at load and at publication. */
    @Test
    void aTemplatesScaleWithARungMissingAFieldOrNamingAnotherIsRefusedAtLoadAndAtUpload() {
        String bands = """
                id: bad-bands
                version: "1"
                name: Bad
                payer: Nobody
                description: Bands without the IPA's share of a loss
                source: none
                clauses:
                  - id: corridor
                    concept: risk-corridor
                    title: Corridor
                    text: Bands.
                    source: none
                    parameters:
                      targetPmpm: {type: amount, unit: USD, description: t, source: none, value: "1000"}
                      corridorBands:
                        type: scale
                        unit: rate
                        description: b
                        source: none
                        value:
                          - {threshold: "0", ipaShareOfGains: "1", ipaShareOfLoss: "1"}
                          - {threshold: "0.05", ipaShareOfGains: "0.5", ipaShareOfLoss: "0.5"}
                """;
        byte[] bytes = bands.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", bytes, schema))
                .hasMessageContaining("clause corridor parameter corridorBands")
                .hasMessageContaining("rung 0's ipaShareOfLosses is required")
                .hasMessageContaining("rung 0's ipaShareOfLoss is not a field of corridorBands");
        assertThatThrownBy(() -> TemplateCatalog.readUpload(bytes))
                .isInstanceOfSatisfying(org.accord.validation.InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(org.accord.validation.InputProblem::pointer)
                            .containsOnly("/clauses/0/parameters/corridorBands");
                    assertThat(e.problems().get(0).reason()).contains("rung 1's ipaShareOfLosses is required");
                });
    }
}
