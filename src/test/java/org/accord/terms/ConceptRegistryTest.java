package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accord.content.ClasspathFolder;
import org.accord.facts.FactDeclarations;
import org.junit.jupiter.api.Test;

class ConceptRegistryTest {

    private final com.networknt.schema.Schema schema;

    ConceptRegistryTest() throws Exception {
        schema = TemplateCatalog.schema(Files.readAllBytes(Path.of("contract-templates/template.schema.json")));
    }

    @Test
    void everyShippedConceptIsDescribedAndItsRulesReadExactlyItsParameters() {
        ConceptRegistry registry = ConceptRegistry.shipped();
        // Every descriptor file is a concept (a new clause is a descriptor, not an edit here), and these at least.
        List<String> described = ClasspathFolder.read(ConceptRegistry.FOLDER).keySet().stream()
                .filter(path -> path.endsWith(ConceptRegistry.SUFFIX))
                .map(path -> path.substring(path.lastIndexOf('/') + 1, path.length() - ConceptRegistry.SUFFIX.length()))
                .sorted().toList();
        assertThat(registry.all()).extracting(ConceptDescriptor::name).containsExactlyElementsOf(described);
        assertThat(described).contains(
                "admin-fee", "capitation", "care-management-fee", "compared-cost", "distribution", "fee-for-service", "global-budget",
                "pay-for-performance", "payment-timing", "quality-bonus", "quality-gate", "quality-measures", "risk-corridor",
                "shared-losses", "shared-savings", "shared-savings-below-minimum-savings-rate", "withhold");
        // Spot checks of the scan: a read inside the clause pattern, through a function, and of the measure gates.
        assertThat(registry.get("capitation").parameters()).containsKey("riskAdjusted");
        assertThat(registry.get("shared-savings").parameters()).containsKey("performancePaymentLimit");
        assertThat(registry.get("quality-measures").parameters()).containsKey("measureGates");
        // Every template shipped loads against it.
        assertThat(TemplateCatalog.load().all()).hasSize(CombinedContracts.shippedTemplateIds().size());
    }

    @Test
    void everyFactADescriptorNamesIsAFieldTheRulesCanRead() throws Exception {
        for (ConceptDescriptor concept : ConceptRegistry.shipped().all()) {
            for (String fact : concept.facts()) {
                String[] typeAndField = fact.split("\\.");
                if (typeAndField[0].equals("Practice") && FactDeclarations.shipped().extraFields().stream()
                        .anyMatch(field -> field.name().equals(typeAndField[1]))) {
                    continue; // a declared extra fact, read by name (Practice.money( "name" ) and the like)
                }
                Class<?> type = Class.forName("org.accord.engine." + typeAndField[0]);
                String getter = "get" + Character.toUpperCase(typeAndField[1].charAt(0)) + typeAndField[1].substring(1);
                assertThat(Arrays.stream(type.getMethods()).map(Method::getName)).as(concept.name() + " reads " + fact).contains(getter);
            }
        }
    }

    @Test
    void aTemplateParameterNoRuleReadsIsRefusedNamingTheParameterAndTheConcept() {
        String fixture = """
                id: stray-parameter
                version: "1"
                name: Stray
                payer: Nobody
                description: A care management fee with a parameter no rule reads
                source: none
                clauses:
                  - id: fee
                    concept: care-management-fee
                    title: Fee
                    text: A fee.
                    source: none
                    parameters:
                      careManagementPmpm: {type: amount, unit: USD, description: fee, source: none, value: "1.00"}
                      careManagementCap: {type: amount, unit: USD, description: cap, source: none, value: "9.00"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("stray.yaml", fixture.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("contract-templates/stray.yaml clause fee parameter careManagementCap: no rule reads it")
                .hasMessageContaining("concept care-management-fee in rules/payment/care-management-fee.concept.yaml");
    }

    @Test
    void aTemplateLeavingOutAParameterARuleReadsIsRefusedNamingTheRule() {
        String fixture = """
                id: missing-parameter
                version: "1"
                name: Missing
                payer: Nobody
                description: Capitation without its PMPM
                source: none
                clauses:
                  - id: cap
                    concept: capitation
                    title: Capitation
                    text: Capitation.
                    source: none
                    parameters:
                      riskAdjusted: {type: flag, unit: flag, description: adjusted, source: none, value: false}
                      normalisationRiskScore: {type: number, unit: score, description: score, source: none, value: "1.0"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("missing.yaml", fixture.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("contract-templates/missing.yaml clause cap: rule '")
                .hasMessageContaining("in rules/payment/capitation.drl reads parameter capitationPmpm, which the clause does not declare");
    }

    @Test
    void aTemplateNamingAnUndescribedConceptOrGivingAParameterAnotherTypeIsRefused() {
        String fixture = """
                id: wrong
                version: "1"
                name: Wrong
                payer: Nobody
                description: An unknown concept and a mistyped rate
                source: none
                clauses:
                  - id: stop
                    concept: no-such-concept
                    title: Stop-loss
                    text: Stop-loss.
                    source: none
                    parameters: {}
                  - id: fee
                    concept: care-management-fee
                    title: Fee
                    text: A fee.
                    source: none
                    parameters:
                      careManagementPmpm: {type: rate, unit: rate, description: fee, source: none, value: "0.5"}
                """;
        assertThatThrownBy(() -> TemplateCatalog.read("wrong.yaml", fixture.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("clause stop: no concept 'no-such-concept'")
                .hasMessageContaining("clause fee parameter careManagementPmpm is a rate, but rule '");
    }

    @Test
    void aRuleReadingAParameterItsConceptDoesNotDeclareFailsNamingTheRuleAndTheDescriptor() {
        Map<String, byte[]> files = new HashMap<>(ClasspathFolder.read(ConceptRegistry.FOLDER));
        String drl = new String(files.get("payment/care-management-fee.drl"), StandardCharsets.UTF_8);
        files.put("payment/care-management-fee.drl", drl.replaceFirst("number\\( \"careManagementPmpm\" \\)",
                "number( \"careManagementPmpm\" ).min( \\$fee.number( \"careManagementCap\" ) )").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConceptRegistry.of(files))
                .hasMessageContaining("in rules/payment/care-management-fee.drl reads parameter careManagementCap of concept "
                        + "care-management-fee, which rules/payment/care-management-fee.concept.yaml does not declare");
    }

    @Test
    void aDeclaredParameterNoRuleReadsAndARuleFileOfNoConceptFail() {
        Map<String, byte[]> files = new HashMap<>(ClasspathFolder.read(ConceptRegistry.FOLDER));
        String descriptor = new String(files.get("payment/care-management-fee.concept.yaml"), StandardCharsets.UTF_8);
        files.put("payment/care-management-fee.concept.yaml", descriptor.replace("careManagementPmpm: {type: amount, minimum: \"0\"}",
                "careManagementPmpm: {type: amount, minimum: \"0\"}\n  careManagementCap: {type: amount}").getBytes(StandardCharsets.UTF_8));
        files.put("payment/orphan.drl", "package org.accord.rules;\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConceptRegistry.of(files))
                .hasMessageContaining("rules/payment/care-management-fee.concept.yaml declares parameter careManagementCap, which no rule reads")
                .hasMessageContaining("rules/payment/orphan.drl belongs to no concept");
    }

    /** A field a descriptor says never falls is one of its scale's rung fields: a misspelled one would hold nothing. */
    @Test
    void aFieldThatNeverFallsIsOneOfTheScalesRungFields() {
        Map<String, byte[]> files = new HashMap<>(ClasspathFolder.read(ConceptRegistry.FOLDER));
        String descriptor = new String(files.get("quality/quality-bonus.concept.yaml"), StandardCharsets.UTF_8);
        files.put("quality/quality-bonus.concept.yaml", descriptor.replace("neverFalls: [rate]", "neverFalls: [rates]")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ConceptRegistry.of(files))
                .hasMessageContaining("rules/quality/quality-bonus.concept.yaml: parameter qualityBonusLadder: neverFalls names rates,"
                        + " which is not one of its rung fields [rate]");
    }
}
