package org.accord.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.engine.Evaluator;
import org.accord.engine.RuleBase;
import org.accord.io.FactsCsv;
import org.accord.io.Json;
import org.accord.settlement.Settlement;
import org.accord.settlement.SettlementLine;
import org.accord.terms.ClauseTerms;
import org.accord.terms.Terms;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The practice facts are declared once (rules/facts.yaml): the record, the validator's bounds, the
 * CSV columns and the API document agree with the declaration, and a fact declared beside the rules
 * flows from JSON and from CSV to a rule without a Java change.
 */
class FactDeclarationsTest {

    private static final PerformanceFacts VALLEY = Json.readFacts(Path.of("examples/valley-ipa.json"));

    /** A fact only this test declares, as a new clause's author would declare one. */
    private static final String TEST_ONLY_DECLARATION = """
            practice:
              testOnlyRebates:
                type: money-list
                unit: USD
                minimum: 0
                maximum: 1000000
                csv: test-only-rebates
                optional: true
                description: Rebates a test-only clause reads, one amount a rebate.
            """;

    /** A rule reading it by name, writing one finding for each practice that reported it. */
    private static final String TEST_ONLY_RULE = """
            package org.accord.rules;

            global org.accord.engine.DecisionTables tables;

            import java.math.BigDecimal;
            import org.accord.engine.Clause;
            import org.accord.engine.Line;
            import org.accord.engine.Practice;
            import org.accord.money.Money;

            rule "A practice's rebates are summed"
                @explanation("Rebates {rebates:usd}.")
            when
                $clause : Clause( concept == "rebates", $e : evaluation )
                $practice : Practice( evaluation == $e, has( "testOnlyRebates" ) )
            then
                insert( Line.of( $clause, drools.getRule() ).forPractice( $practice )
                        .with( "rebates", Money.sum( $practice.moneyList( "testOnlyRebates" ) ) ).finds() );
            end
            """;

    @Test
    void theNamedFieldsAreDeclaredWithTheBoundsTheValidatorAndTheCsvUse() {
        FactDeclarations shipped = FactDeclarations.shipped();
        assertThat(shipped.practiceFields()).filteredOn(FactField::named).extracting(FactField::name).containsExactly(
                "id", "name", "attributedMembers", "memberMonths", "averageRiskScore", "totalCostOfCare",
                "feeScheduleAllowedAmount", "visits", "annualWellnessVisits", "edVisits", "inpatientAdmissions");
        for (FactLimit limit : FactLimit.values()) {
            if (limit.record() == PracticePerformance.class) {
                assertThat(shipped.practiceField(limit.field()).orElseThrow().maximum()).as(limit.field())
                        .isEqualByComparingTo(BigDecimal.valueOf(limit.maximum()));
            }
        }
        assertThat(FactsCsv.practiceColumns(shipped)).startsWith("id", "name", "attributedMembers", "memberMonths",
                "averageRiskScore", "totalCostOfCare", "feeScheduleAllowedAmount", "visits", "annualWellnessVisits", "edVisits",
                "inpatientAdmissions");
    }

    @Test
    void theApiDocumentAgreesWithTheDeclarationAndListsEveryExtraFact() throws Exception {
        JsonNode practice = YAMLMapper.builder().build().readTree(Files.readAllBytes(Path.of("api-spec/accord.yaml")))
                .get("components").get("schemas").get("PracticePerformance");
        List<String> required = new ArrayList<>();
        practice.get("required").forEach(name -> required.add(name.asString()));
        for (FactField field : FactDeclarations.shipped().practiceFields()) {
            if (!field.named()) {
                continue;
            }
            JsonNode property = practice.get("properties").get(field.name());
            assertThat(property).as(field.name() + " in the API document").isNotNull();
            assertThat(property.get("description").asString()).as(field.name()).isEqualTo(field.description());
            if (!field.optional()) {
                assertThat(required).as("required in the API document").contains(field.name());
            }
            if (field.maximum() != null && property.has("maximum")) {
                assertThat(property.get("maximum").decimalValue()).as(field.name()).isEqualByComparingTo(field.maximum());
            }
        }
        JsonNode period = YAMLMapper.builder().build().readTree(Files.readAllBytes(Path.of("api-spec/accord.yaml")))
                .get("components").get("schemas").get("PerformancePeriod");
        assertThat(FactDeclarations.shipped().periodFields()).extracting(FactField::name)
                .containsExactly("benchmarkExpenditure", "lossAdjustment", "participantRevenue");
        for (FactField field : FactDeclarations.shipped().periodFields()) {
            assertThat(period.get("properties").get(field.name()).get("description").asString()).as(field.name())
                    .isEqualTo(field.description());
        }
        String listed = practice.get("properties").get("extra").get("description").asString();
        List<String> extra = FactDeclarations.shipped().extraFields().stream()
                .map(f -> f.name() + " (" + f.type().word() + (f.unit() == null ? "" : ", " + f.unit()) + ")").toList();
        assertThat(listed.substring(listed.indexOf("EXTRA-FACTS:")).strip())
                .as("the API document lists the extra facts rules/facts.yaml declares")
                .isEqualTo("EXTRA-FACTS: " + (extra.isEmpty() ? "none" : String.join("; ", extra)) + ".");
    }

    @Test
    void aDeclaredTestOnlyFactFlowsFromJsonAndCsvToARule() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("testing/test-only.facts.yaml", TEST_ONLY_DECLARATION.getBytes(StandardCharsets.UTF_8));
        files.put("testing/rebates.drl", TEST_ONLY_RULE.getBytes(StandardCharsets.UTF_8));
        RuleBase rules = RuleBase.compile(files);
        FactDeclarations declarations = rules.factDeclarations();
        assertThat(declarations.extraFields()).extracting(FactField::name).contains("testOnlyRebates");

        // JSON, as a file or a request carries it: the first practice reports two rebates, one as a JSON number.
        Map<String, Object> document = Json.MAPPER.readValue(Files.readAllBytes(Path.of("examples/valley-ipa.json")), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) document.get("practices")).get(0);
        first.put("extra", new LinkedHashMap<>(Map.of("testOnlyRebates", List.of("1200.50", 99))));
        PerformanceFacts fromJson = Json.readFacts(Json.MAPPER.writeValueAsBytes(document));
        assertThat(FactsValidator.problems(fromJson, declarations)).isEmpty();
        assertThat(FactsValidator.problems(fromJson)).as("the shipped declaration does not know it")
                .extracting(p -> p.pointer()).containsExactly("/practices/0/extra/testOnlyRebates");

        // CSV: its declared column, the amounts separated by ';'.
        String csv = FactsCsv.write(fromJson, declarations);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("test-only-rebates");
        assertThat(csv).contains("1200.50;99");
        PerformanceFacts fromCsv = FactsCsv.read(csv, VALLEY.ipa(), VALLEY.period(), declarations);
        assertThat(fromCsv).isEqualTo(fromJson);

        // The rule reads it by name: 1,200.50 + 99 = 1,299.50, for the first practice only.
        Terms terms = new Terms("rebates-only", "test", "none", VALLEY.period().performanceYear(),
                List.of(new ClauseTerms("rebates", "rebates", "Rebates", List.of(), Map.of())), Map.of(), "test");
        for (PerformanceFacts facts : List.of(fromJson, fromCsv)) {
            Settlement settlement = new Evaluator(rules).evaluate(terms, facts);
            List<SettlementLine> rebates = settlement.findings().stream().filter(l -> "rebates".equals(l.clause())).toList();
            assertThat(rebates).hasSize(1);
            assertThat(rebates.get(0).scope()).isEqualTo(VALLEY.practices().get(0).id());
            assertThat(new BigDecimal(rebates.get(0).basis().get("rebates").toString())).isEqualByComparingTo("1299.50");
        }

        // A value out of its declared bounds, or of another type, is refused naming the field.
        first.put("extra", Map.of("testOnlyRebates", List.of("-1")));
        PerformanceFacts negative = Json.readFacts(Json.MAPPER.writeValueAsBytes(document));
        assertThat(FactsValidator.problems(negative, declarations)).singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/practices/0/extra/testOnlyRebates"))
                .satisfies(p -> assertThat(p.reason()).isEqualTo("must be at least 0 USD (was -1)"));
        assertThatThrownBy(() -> new Evaluator(rules).evaluate(terms, negative)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/facts/practices/0/extra/testOnlyRebates");
        first.put("extra", Map.of("testOnlyRebates", "many"));
        assertThat(FactsValidator.problems(Json.readFacts(Json.MAPPER.writeValueAsBytes(document)), declarations))
                .extracting(p -> p.reason()).singleElement().asString().startsWith("expected a list of amounts");
        assertThatThrownBy(() -> FactsCsv.read(csv.replace("1200.50;99", "1200.50;lots"), VALLEY.ipa(), VALLEY.period(), declarations))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("test-only-rebates");
    }

    @Test
    void aDeclarationThatBreaksTheRecordOrRepeatsAColumnIsRefused() {
        byte[] shipped = ClasspathFolder.read("rules").get("facts.yaml");
        assertThatThrownBy(() -> FactDeclarations.of(shipped, """
                practice:
                  visits2: {type: count, csv: visits, description: Twice.}
                """.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("CSV column visits is declared for two facts");
        assertThatThrownBy(() -> FactDeclarations.of(new String(shipped, StandardCharsets.UTF_8)
                .replace("  memberMonths:\n    type: count", "  memberMonths:\n    type: money").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("declared a money but PracticePerformance.memberMonths is a int");
        assertThatThrownBy(() -> FactDeclarations.of(shipped, """
                period:
                  budget: {type: money, description: Not the period's.}
                  assignedBeneficiaries: {type: money, description: A count.}
                """.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("period fact budget: PerformancePeriod has no field budget")
                .hasMessageContaining("declared a money but PerformancePeriod.assignedBeneficiaries is a Integer");
    }
}
