package org.accord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.accord.testing.Engine;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Uploaded lookup tables: what is refused, with its reason, and what an accepted one answers. */
class CustomDecisionTableTest {

    static final Path FLAT_MSR = Path.of("src/test/resources/uploads/flat-msr.dmn");

    /** A one-input, one-output ladder "Quality ladder" with the given rows ({@code input entry -> output}). */
    static String ladder(String hitPolicy, String... rows) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            String[] row = rows[i].split(" -> ");
            rules.append("<rule id=\"r").append(i).append("\"><inputEntry id=\"r").append(i).append("i\"><text>")
                    .append(row[0]).append("</text></inputEntry><outputEntry id=\"r").append(i).append("o\"><text>")
                    .append(row[1]).append("</text></outputEntry></rule>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="ladder" name="Quality ladder"
                    namespace="https://accord.example/dmn/uploaded/ladder">
                  <itemDefinition id="tScore" name="tScore"><typeRef>number</typeRef><allowedValues><text>[0..1]</text></allowedValues></itemDefinition>
                  <inputData id="score" name="Quality score"><variable id="score_var" name="Quality score" typeRef="tScore"/></inputData>
                  <decision id="rate" name="Which rate applies at this quality score?">
                    <variable id="rate_var" name="Which rate applies at this quality score?" typeRef="number"/>
                    <informationRequirement id="req"><requiredInput href="#score"/></informationRequirement>
                    <decisionTable id="table" hitPolicy="%s">
                      <input id="in"><inputExpression id="in_expr" typeRef="tScore"><text>Quality score</text></inputExpression></input>
                      <output id="out"/>
                %s    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(hitPolicy, rules);
    }

    static final String GOOD_LADDER = ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.5", "[0.8..1] -> 1");

    private static InvalidInputException refusal(String dmn) {
        return refusal(dmn.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInputException refusal(byte[] dmn) {
        try {
            CustomDecisionTable.check(dmn);
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the model was accepted");
    }

    @Test
    void aWellFormedLadderWithoutGapsOrOverlapsIsAcceptedUnderItsContentHash() {
        CustomDecisionTable table = CustomDecisionTable.check(GOOD_LADDER.getBytes(StandardCharsets.UTF_8));
        assertThat(table.hash()).isEqualTo(org.accord.content.ContentHash.of(GOOD_LADDER.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.modelName()).isEqualTo("Quality ladder");
    }

    @Nested
    @DisplayName("hostile or broken uploads are refused, naming the reason")
    class Refused {

        @Test
        void aModelLargerThan256KiBIsRefusedBeforeItIsParsed() {
            String padding = "<!-- " + "x".repeat(CustomDecisionTable.MAX_BYTES) + " -->";
            InvalidInputException e = refusal(GOOD_LADDER.replace("<definitions", padding + "\n<definitions"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("size");
                assertThat(p.reason()).contains("at most 262144 are accepted");
            });
        }

        @Test
        void anExternalEntityIsRefusedAndNeverRead() throws IOException {
            Path secret = Files.createDirectories(Path.of("target", "uploads")).resolve("secret.txt");
            Files.writeString(secret, "the payer's rates");
            String xxe = GOOD_LADDER.replace("<definitions", "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"" + secret.toUri()
                    + "\">]>\n<definitions").replace("<text>0.5</text>", "<text>&secret;</text>");
            InvalidInputException e = refusal(xxe);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("xml");
                assertThat(p.reason()).contains("document type declaration (DTD) is not accepted");
                assertThat(p.reason()).doesNotContain("the payer's rates");
            });
        }

        @Test
        void aJavaFunctionIsRefused() {
            String java = GOOD_LADDER.replace("</definitions>", """
                      <businessKnowledgeModel id="exit" name="exit">
                        <encapsulatedLogic id="exit_logic" kind="Java">
                          <context id="exit_ctx"><contextEntry><variable id="c" name="class"/><literalExpression id="c_v"><text>"java.lang.System"</text></literalExpression></contextEntry></context>
                        </encapsulatedLogic>
                      </businessKnowledgeModel>
                    </definitions>""");
            assertThat(refusal(java).problems()).anySatisfy(p -> {
                assertThat(p.pointer()).isEqualTo("encapsulatedLogic");
                assertThat(p.reason()).contains("kind 'Java'").contains("external functions are not accepted");
            });
        }

        @Test
        void aFeelExternalFunctionIsRefused() {
            String external = GOOD_LADDER.replace("<text>0.5</text>",
                    "<text>function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"exit(int)\"}}(0)</text>");
            assertThat(refusal(external).problems()).anySatisfy(p -> {
                assertThat(p.pointer()).isEqualTo("text");
                assertThat(p.reason()).contains("declares an external function");
            });
        }

        @Test
        void overlappingRowsAreRefused() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.6] -> 0", "[0.5..1] -> 1"));
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.problems().toString()).containsIgnoringCase("overlap");
        }

        @Test
        void aGapBetweenRowsIsRefused() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.4] -> 0", "[0.6..1] -> 1"));
            assertThat(e.problems().toString()).containsIgnoringCase("gap");
        }

        @Test
        void aModelThatDoesNotCompileIsRefused() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..1] -> (0.5 +"));
            assertThat(e.problems()).isNotEmpty();
        }

        @Test
        void xmlThatIsNotWellFormedIsRefused() {
            assertThat(refusal("<definitions").problems()).singleElement()
                    .satisfies(p -> assertThat(p.pointer()).isEqualTo("xml"));
        }

        @Test
        void aModelNotCheckedWithinTheBoundIsRefused() {
            assertThatThrownBy(() -> CustomDecisionTable.check(GOOD_LADDER.getBytes(StandardCharsets.UTF_8), Duration.ofNanos(1)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> assertThat(p.reason()).contains("did not validate and compile within")));
        }
    }

    @Test
    void aReplacementMustHaveTheInputsAndOutputsOfTheTableItReplaces() throws IOException {
        DecisionTables shipped = Engine.service().rules().decisionTables();
        CustomDecisionTable flat = CustomDecisionTable.check(Files.readAllBytes(FLAT_MSR));
        CustomDecisionTable ladder = CustomDecisionTable.check(GOOD_LADDER.getBytes(StandardCharsets.UTF_8));
        assertThat(flat.mismatchWith(shipped, "Minimum savings rate by assigned population")).isEmpty();
        assertThat(ladder.mismatchWith(shipped, "Minimum savings rate by assigned population")).get().asString()
                .contains("inputs are [Quality score]");
        assertThat(flat.mismatchWith(shipped, "No such table")).get().asString().contains("consult no decision table");
    }

    @Test
    void theReplacementAnswersUnderTheShippedNameAndTheShippedTableIsUnchanged() throws IOException {
        DecisionTables shipped = Engine.service().rules().decisionTables();
        CustomTables custom = new CustomTables();
        CustomDecisionTable flat = custom.add(CustomDecisionTable.check(Files.readAllBytes(FLAT_MSR)));
        DecisionTables replaced = custom.tablesFor(shipped, java.util.Map.of("Minimum savings rate by assigned population", flat.hash()));
        // The flat table's one row: 1% at 0 and at 1,000,000 beneficiaries.
        assertThat(replaced.number("Minimum savings rate by assigned population", "rate at range start", "Assigned beneficiaries", 1000))
                .isEqualByComparingTo("0.01");
        // The shipped row for 1,000 to 2,999: 8.7% at its start.
        assertThat(shipped.number("Minimum savings rate by assigned population", "rate at range start", "Assigned beneficiaries", 1000))
                .isEqualByComparingTo(new BigDecimal("0.087"));
    }
}
