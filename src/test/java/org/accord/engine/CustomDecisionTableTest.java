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

    /** Declares its input as 0 to 5,000 beneficiaries and covers that range: upload finds no gap, and nothing answers 6,000. */
    static final Path MSR_UP_TO_5000 = Path.of("src/test/resources/uploads/msr-up-to-5000.dmn");

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

        /** It was refused with "a lookup table is one decision answered by a decision table; the model has 1 decisions". */
        @Test
        void aDecisionAnsweredByAContextIsRefusedSayingWhatAnswersIt() throws IOException {
            InvalidInputException e = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/boxedcontext.dmn")));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(OutputTypesRefused.MSR_DECISION);
                assertThat(p.reason()).isEqualTo("decision 'Which minimum savings rate range applies to this many assigned beneficiaries?'"
                        + " is answered by a context, not a decision table: a lookup table is one decision answered by a decision table");
            });
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

    @Nested
    @DisplayName("a FEEL mistake is refused naming the decision, the rule and column, and the text")
    class FeelMistakes {

        static final String DECISION = "decision 'Which rate applies at this quality score?'";

        /** The refusal README.md shows, word for word. */
        @Test
        void anInputEntryThatDoesNotParseIsNamedByRuleAndColumn() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "&gt;= 0.5 and -> 0.5", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(DECISION + ", rule 2 (id r1), input 1 ('Quality score')");
                assertThat(p.reason()).isEqualTo("the input entry '>= 0.5 and' is not valid FEEL: syntax error near 'and' (line 1, column 8)");
            });
        }

        @Test
        void anOutputEntryThatDoesNotParseIsNamedByRuleAndColumn() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> 0.6 +", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(DECISION + ", rule 2 (id r1), output 1");
                assertThat(p.reason()).isEqualTo("the output entry '0.6 +' is not valid FEEL: the text ends where more is expected (line 1, column 6)");
            });
        }

        @Test
        void anUnclosedRangeIsRefusedRatherThanFailingTheCompiler() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5.. -> 0.5", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(DECISION + ", rule 2 (id r1), input 1 ('Quality score')");
                assertThat(p.reason()).startsWith("the input entry '[0.5..' is not valid FEEL");
            });
        }

        @Test
        void everyBrokenCellIsNamedNotOnlyTheFirst() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0 +", "&gt;= 0.5 and -> 0.5", "[0.8..1] -> 1"));
            assertThat(e.problems()).extracting(p -> p.pointer())
                    .containsExactly(DECISION + ", rule 1 (id r0), output 1", DECISION + ", rule 2 (id r1), input 1 ('Quality score')");
        }

        @Test
        void anInputExpressionThatDoesNotParseIsNamedByColumn() {
            InvalidInputException e = refusal(GOOD_LADDER.replace("<text>Quality score</text></inputExpression>",
                    "<text>Quality score *</text></inputExpression>"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(DECISION + ", input 1 ('Quality score *'), input expression");
                assertThat(p.reason()).isEqualTo("the input expression 'Quality score *' is not valid FEEL: syntax error near '*' (line 1, column 15)");
            });
        }

        @Test
        void aLiteralExpressionThatDoesNotParseIsNamedByItsDecision() {
            InvalidInputException e = refusal(GOOD_LADDER.replace("</definitions>", """
                      <decision id="note" name="Note"><variable id="note_var" name="Note" typeRef="string"/>
                        <literalExpression id="note_text"><text>"rate " +</text></literalExpression></decision>
                    </definitions>"""));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("decision 'Note', literal expression");
                assertThat(p.reason()).isEqualTo("the literal expression '\"rate \" +' is not valid FEEL: the text ends where more is expected (line 1, column 10)");
            });
        }

        @Test
        void aNameTheModelDoesNotDeclareIsNamedByRuleAndColumn() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> bonus + 0.1", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(DECISION + ", rule 2 (id r1), output 1");
                assertThat(p.reason()).isEqualTo("the output entry 'bonus + 0.1' names what the model does not declare: Unknown variable 'bonus'");
            });
        }

        /** It was refused only with the validator's "Skipped Decision Table Analysis ... symbol reference: 'threshold'". */
        @Test
        void aNameTheModelDoesNotDeclareInAnInputEntryIsNamedAsInAnOutputEntry() throws IOException {
            InvalidInputException e = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/undeclared_incell.dmn")));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(OutputTypesRefused.MSR_DECISION + ", rule 1 (id r1), input 1 ('Assigned beneficiaries')");
                assertThat(p.reason()).isEqualTo("the input entry '< threshold' names what the model does not declare: Unknown variable 'threshold'");
            });
        }

        /** They read "is not valid FEEL: syntax error near 'members'", as the parser reads only declared names of several words. */
        @Test
        void anUndeclaredNameOfSeveralWordsIsNamedAsUndeclaredNotAsASyntaxError() throws IOException {
            InvalidInputException input = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/undeclared_in.dmn")));
            assertThat(input.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(OutputTypesRefused.MSR_DECISION + ", input 1 ('Assigned beneficiaries'), input expression");
                assertThat(p.reason()).isEqualTo("the input expression 'Assigned members' names what the model does not declare: Unknown variable 'Assigned members'");
            });
            InvalidInputException output = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/undeclared_out.dmn")));
            assertThat(output.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(OutputTypesRefused.MSR_DECISION + ", rule 1 (id r1), output 3 ('rate at range start')");
                assertThat(p.reason()).isEqualTo("the output entry 'base rate' names what the model does not declare: Unknown variable 'base rate'");
            });
            InvalidInputException inCell = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "&gt;= lower bound -> 0.5", "[0.8..1] -> 1"));
            assertThat(inCell.problems()).extracting(p -> p.reason())
                    .contains("the input entry '>= lower bound' names what the model does not declare: Unknown variable 'lower bound'");
        }

        @Test
        void aSyntaxErrorThatNoUndeclaredNameExplainsIsStillASyntaxError() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> Quality score score", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p ->
                    assertThat(p.reason()).startsWith("the output entry 'Quality score score' "));
        }

        @Test
        void anUnknownTypeIsNamedByTheNodeThatUsesIt() {
            InvalidInputException e = refusal(GOOD_LADDER.replace("name=\"Quality score\" typeRef=\"tScore\"", "name=\"Quality score\" typeRef=\"tNoSuchType\""));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo("input data 'Quality score', variable");
                assertThat(p.reason()).contains("Unable to resolve type reference 'tNoSuchType'");
            });
        }

        @Test
        void aTableWhoseCellsUseMultiWordNamesAndFunctionsIsStillAccepted() {
            String table = ladder("UNIQUE", "[0..0.5) -> min([Quality score, 0.2])", "[0.5..0.8) -> Quality score * 2 - Quality score",
                    "&gt;= 0.8 -> if Quality score = 1 then 1 else 0.9");
            assertThat(CustomDecisionTable.check(table.getBytes(StandardCharsets.UTF_8)).modelName()).isEqualTo("Quality ladder");
        }
    }

    /**
     * A cell that names an input is evaluated only when an evaluation asks, and FEEL's evaluation cannot be
     * interrupted, so what could make it work without bound is refused at upload, before anything is stored.
     */
    @Nested
    @DisplayName("FEEL whose evaluation has no bound is refused, naming the cell and what it does")
    class Unbounded {

        private static final String RATE_AT_START = "id=\"flat_r1_o2\"><text>0.01</text>";

        private static String flatWithRateAtStart(String feel) throws IOException {
            String flat = Files.readString(FLAT_MSR);
            assertThat(flat).contains(RATE_AT_START);
            return flat.replace(RATE_AT_START, "id=\"flat_r1_o2\"><text>" + feel + "</text>");
        }

        /** The outside tester's cell: uploaded (201), then one evaluation ran for minutes and took the heap to 6 GB. */
        @Test
        void anIterationInACellThatNamesAnInputIsRefused() throws IOException {
            InvalidInputException e = refusal(flatWithRateAtStart(
                    "if Assigned beneficiaries &gt; 0 then 0.01 + 0 * count(for i in 1..30000000 return i) else 0.01"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(OutputTypesRefused.MSR_DECISION + ", rule 1 (id flat_rule_1), output 3 ('rate at range start')");
                assertThat(p.reason()).startsWith("the output entry 'if Assigned beneficiaries > 0 then 0.01 + 0 * count(for i in 1..30000000"
                        + " return i) else 0.01' iterates (for): a cell is evaluated for every input it is asked about");
            });
        }

        @Test
        void eachOtherConstructWithoutABoundIsRefusedSayingWhatItDoes() throws IOException {
            java.util.Map<String, String> cells = new java.util.LinkedHashMap<>();
            cells.put("if some n in [1, 2] satisfies n &gt; Assigned beneficiaries then 0.01 else 0.02", "iterates (some, every)");
            cells.put("(function(n) n / 100)(Assigned beneficiaries)", "defines a function, which may call itself without end");
            cells.put("{a: [1, 1], b: concatenate(a, a)}.b[1] / 100", "builds a context, whose entries may each double");
            cells.put("0.01 + 0 * floor(Assigned beneficiaries * 10 ** 999999)", "raises to a power (**)");
            cells.put("0.01 + 0 * floor(Assigned beneficiaries * 1e999999)", "writes the number 1e999999: a number in a cell has at most 18 digits");
            cells.put("if matches(string(Assigned beneficiaries), \"(1+)+$\") then 0.01 else 0.02", "calls matches, which matches a regular expression");
            for (var cell : cells.entrySet()) {
                assertThat(refusal(flatWithRateAtStart(cell.getKey())).problems()).as(cell.getKey()).singleElement()
                        .satisfies(p -> assertThat(p.reason()).contains("' " + cell.getValue()));
            }
        }

        /** A business knowledge model is a function a cell may call; one calling itself recurses without end. */
        @Test
        void aBusinessKnowledgeModelIsRefused() throws IOException {
            String bkm = Files.readString(FLAT_MSR).replace("</definitions>", """
                      <businessKnowledgeModel id="again" name="again">
                        <encapsulatedLogic id="again_logic"><formalParameter id="again_n" name="n" typeRef="number"/>
                          <literalExpression id="again_body"><text>again(n + 1)</text></literalExpression></encapsulatedLogic>
                      </businessKnowledgeModel>
                    </definitions>""");
            assertThat(refusal(bkm).problems()).anySatisfy(p -> {
                assertThat(p.pointer()).isEqualTo("businessKnowledgeModel");
                assertThat(p.reason()).contains("could call, and it itself, without end");
            });
        }

        @Test
        void cellsThatCompareComputeAndChooseWithNumbersOfEighteenDigitsAreStillAccepted() throws IOException {
            assertThat(CustomDecisionTable.check(flatWithRateAtStart("if Assigned beneficiaries &gt; 999999999999999999 then 0.000000000000000001"
                    + " else max([0.01, round half up(Assigned beneficiaries / 100000000, 2)])").getBytes(StandardCharsets.UTF_8)).modelName())
                    .isEqualTo("A flat minimum savings rate of one percent");
        }
    }

    @Nested
    @DisplayName("a cell whose value cannot be of its column's type is refused, naming the rule, the column and the text")
    class OutputTypesRefused {

        static final String MSR_DECISION = "decision 'Which minimum savings rate range applies to this many assigned beneficiaries?'";

        /** The prober's table: accepted, then every evaluation reaching row 2 failed with a ClassCastException. */
        @Test
        void aStringWhereTheTableDeclaresANumberIsRefused() throws IOException {
            InvalidInputException e = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/badtype2.dmn")));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(MSR_DECISION + ", rule 2 (id r2), output 3 ('rate at range start')");
                assertThat(p.reason()).isEqualTo("the output entry '\"two percent\"' is a string where the table declares number");
            });
        }

        /** Accepted, then every evaluation reaching row 2 failed with a NullPointerException. */
        @Test
        void aNullWhereTheTableDeclaresANumberIsRefused() throws IOException {
            InvalidInputException e = refusal(Files.readAllBytes(Path.of("src/test/resources/uploads/refused/nullout.dmn")));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.pointer()).isEqualTo(MSR_DECISION + ", rule 2 (id r2), output 3 ('rate at range start')");
                assertThat(p.reason()).isEqualTo("the output entry 'null' is null where the table declares number");
            });
        }

        @Test
        void aBooleanOrADateWhereTheDecisionDeclaresANumberIsRefused() {
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> true", "[0.5..0.8) -> date(\"2024-01-01\")", "[0.8..1] -> 1"));
            assertThat(e.problems()).extracting(p -> p.pointer() + ": " + p.reason()).containsExactly(
                    FeelMistakes.DECISION + ", rule 1 (id r0), output 1: the output entry 'true' is a boolean where the table declares number",
                    FeelMistakes.DECISION + ", rule 2 (id r1), output 1: the output entry 'date(\"2024-01-01\")' is a date where the table declares number");
        }

        @Test
        void aCellComputedWithoutInputsIsJudgedByItsValue() {
            assertThat(CustomDecisionTable.check(ladder("UNIQUE", "[0..0.5) -> 0.1 * 2", "[0.5..0.8) -> round half up(0.0312, 2)",
                    "[0.8..1] -> string length(\"ab\") / 100").getBytes(StandardCharsets.UTF_8)).modelName()).isEqualTo("Quality ladder");
            InvalidInputException e = refusal(ladder("UNIQUE", "[0..0.5) -> 0", "[0.5..0.8) -> string(0.5)", "[0.8..1] -> 1"));
            assertThat(e.problems()).singleElement().satisfies(p ->
                    assertThat(p.reason()).isEqualTo("the output entry 'string(0.5)' is a string where the table declares number"));
        }
    }

    @Test
    void aWrongTypedValueACellComputesFromAnInputStopsTheEvaluationNamingTheTableAndTheValue() throws IOException {
        // Upload cannot judge a cell that names an input without evaluating the table for every input; the answer is checked.
        String table = Files.readString(FLAT_MSR).replace("id=\"flat_r1_o2\"><text>0.01</text>",
                "id=\"flat_r1_o2\"><text>if Assigned beneficiaries &gt; 5000 then \"two percent\" else 0.01</text>");
        DecisionTables shipped = Engine.service().rules().decisionTables();
        CustomTables custom = new CustomTables();
        CustomDecisionTable checked = custom.add(CustomDecisionTable.check(table.getBytes(StandardCharsets.UTF_8)));
        DecisionTables replaced = custom.tablesFor(shipped, java.util.Map.of("Minimum savings rate by assigned population", checked.hash()));
        assertThat(replaced.number("Minimum savings rate by assigned population", "rate at range start", "Assigned beneficiaries", 1000))
                .isEqualByComparingTo("0.01");
        assertThatThrownBy(() -> replaced.numbers("Minimum savings rate by assigned population", "Assigned beneficiaries", 6000))
                .isInstanceOf(DecisionTables.UnusableAnswer.class)
                .hasMessage("decision table 'Minimum savings rate by assigned population' answered the string \"two percent\" for"
                        + " 'rate at range start', where the table declares number; no settlement is made with it");
    }

    @Nested
    @DisplayName("a table that gives no answer for the inputs it is asked about stops the evaluation, naming the table and the inputs")
    class NoAnswer {

        /**
         * The table's rows cover the range it declares for its input, so upload's gap analysis finds no gap; the DMN
         * runtime does not check an input against that range, so 6,000 reaches the rows and none matches. It was a
         * plain DecisionException (a 500) carrying the DMN runtime's messages. A template naming this table is now
         * refused at publication ({@link NarrowerInputs}), so only a replacement built directly, as here, reaches it:
         * the evaluation's refusal stays for whatever table the comparison cannot see through.
         */
        @Test
        void aValueNoRuleMatchesStopsTheEvaluationNamingTheTableTheInputAndItsValue() throws IOException {
            DecisionTables replaced = UploadedTables.replacingTheMinimumSavingsRate(Files.readString(MSR_UP_TO_5000));
            assertThat(replaced.number(UploadedTables.MINIMUM_SAVINGS_RATE, "rate at range start", "Assigned beneficiaries", 3000))
                    .isEqualByComparingTo("0.02");
            assertThatThrownBy(() -> replaced.numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 6000))
                    .isInstanceOf(DecisionTables.TableMistake.class)
                    .hasMessage("decision table 'Minimum savings rate by assigned population' has no rule for Assigned beneficiaries 6000;"
                            + " no settlement is made with it");
        }

        /** A cell that cannot be evaluated for the input (here a division by zero at 6,000): the DMN runtime's reason, without its repeats. */
        @Test
        void aCellThatCannotBeEvaluatedForTheInputStopsTheEvaluationNamingTheTableTheInputAndTheReason() throws IOException {
            String table = Files.readString(FLAT_MSR).replace("id=\"flat_r1_o2\"><text>0.01</text>",
                    "id=\"flat_r1_o2\"><text>60 / (6000 - Assigned beneficiaries)</text>");
            DecisionTables replaced = UploadedTables.replacingTheMinimumSavingsRate(table);
            assertThat(replaced.number(UploadedTables.MINIMUM_SAVINGS_RATE, "rate at range start", "Assigned beneficiaries", 0))
                    .isEqualByComparingTo("0.01");
            assertThatThrownBy(() -> replaced.numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 6000))
                    .isInstanceOf(DecisionTables.TableMistake.class)
                    .hasMessage("decision table 'Minimum savings rate by assigned population' could not answer for Assigned beneficiaries 6000:"
                            + " Based on the specification, the operation is undefined for the specified parameter set;"
                            + " no settlement is made with it");
        }

        /**
         * Rates below zero: the flat table's 1% made -2%. Accepted at upload (a number where a number is declared), it
         * settled a one-sided contract's savings below zero, charging the IPA (an outside tester's -$81,488.68 on the
         * small panel). The shipped table declares its rates from 0 to 1 and its ranges from 0; a replacement answers
         * within them.
         */
        @Test
        void anAnswerBeyondWhatTheShippedTableAllowsStopsTheEvaluationNamingTheTableTheOutputAndTheValue() throws IOException {
            String negative = Files.readString(FLAT_MSR).replace("id=\"flat_r1_o2\"><text>0.01</text>", "id=\"flat_r1_o2\"><text>-0.02</text>");
            assertThatThrownBy(() -> UploadedTables.replacingTheMinimumSavingsRate(negative)
                    .numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 1310))
                    .isInstanceOf(DecisionTables.UnusableAnswer.class)
                    .hasMessage("decision table 'Minimum savings rate by assigned population' answered '-0.02' for 'rate at range start',"
                            + " where the shipped table it replaces allows [0..1]; no settlement is made with it");
            // computed from the input, as the tester's 0.5 / (Assigned beneficiaries - 39400) was
            String computed = Files.readString(FLAT_MSR).replace("id=\"flat_r1_o3\"><text>0.01</text>",
                    "id=\"flat_r1_o3\"><text>0.5 / (Assigned beneficiaries - 39400)</text>");
            DecisionTables replaced = UploadedTables.replacingTheMinimumSavingsRate(computed);
            assertThat(replaced.number(UploadedTables.MINIMUM_SAVINGS_RATE, "rate at range end", "Assigned beneficiaries", 40400))
                    .isEqualByComparingTo("0.0005");
            assertThatThrownBy(() -> replaced.numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 1310))
                    .isInstanceOf(DecisionTables.UnusableAnswer.class)
                    .hasMessageContaining("for 'rate at range end', where the shipped table it replaces allows [0..1]");
            // a range start below zero
            String belowZero = Files.readString(FLAT_MSR).replace("id=\"flat_r1_o0\"><text>0</text>", "id=\"flat_r1_o0\"><text>-1</text>");
            assertThatThrownBy(() -> UploadedTables.replacingTheMinimumSavingsRate(belowZero)
                    .numbers(UploadedTables.MINIMUM_SAVINGS_RATE, "Assigned beneficiaries", 1310))
                    .hasMessageContaining("answered '-1' for 'range start', where the shipped table it replaces allows >= 0");
        }

        /** The rules consulting a table that does not exist is the server's mistake (a 500), not the client's. */
        @Test
        void aTableTheRulesConsultThatDoesNotExistIsTheServersMistake() {
            DecisionTables shipped = Engine.service().rules().decisionTables();
            assertThatThrownBy(() -> shipped.numbers("No such table", "Assigned beneficiaries", 6000))
                    .isInstanceOf(DecisionTables.DecisionException.class)
                    .isNotInstanceOf(DecisionTables.TableMistake.class)
                    .hasMessageStartingWith("no decision table named 'No such table' among [");
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

    /**
     * The rules consult a replacement with any value the shipped table admits (Assigned beneficiaries >= 0), while
     * upload's gap analysis judges its rows only against the values it declares itself: each way of declaring fewer
     * values is found when a template names it, before an evaluation meets the value no rule answers.
     */
    @Nested
    @DisplayName("a replacement declaring fewer values of an input than the shipped table is not a replacement")
    class NarrowerInputs {

        private static final String SHIPPED_NAME = "Minimum savings rate by assigned population";
        private static final String TYPE = "<itemDefinition id=\"itemdef_tBeneficiaries\" name=\"tBeneficiaries\"><typeRef>number</typeRef>"
                + "<allowedValues><text>&gt;= 0</text></allowedValues></itemDefinition>";
        private static final String COLUMN_END = "<text>Assigned beneficiaries</text></inputExpression>";

        private static java.util.Optional<String> mismatch(String dmn) {
            return CustomDecisionTable.check(dmn.getBytes(StandardCharsets.UTF_8))
                    .mismatchWith(Engine.service().rules().decisionTables(), SHIPPED_NAME);
        }

        private static String flatWith(String from, String to) throws IOException {
            String flat = Files.readString(FLAT_MSR);
            assertThat(flat).contains(from);
            return flat.replace(from, to);
        }

        @Test
        void aTableDeclaringZeroToFiveThousandIsRefusedNamingWhatWouldHaveNoRule() throws IOException {
            assertThat(mismatch(Files.readString(MSR_UP_TO_5000))).hasValue("the table declares Assigned beneficiaries as [0..5000];"
                    + " the rules consult it with any value the shipped table allows (>= 0), and the gap analysis covers only the"
                    + " values the table declares, so Assigned beneficiaries > 5000 would have no rule: declare at least >= 0");
        }

        @Test
        void anEqualOrWiderDeclarationIsAReplacement() throws IOException {
            assertThat(mismatch(Files.readString(FLAT_MSR))).isEmpty();
            assertThat(mismatch(flatWith("&gt;= 0", "&gt; -1"))).isEmpty();
            assertThat(mismatch(flatWith("<allowedValues><text>&gt;= 0</text></allowedValues>", ""))).isEmpty();
        }

        @Test
        void anOpenEndWhereTheShippedTableHasAClosedOneLeavesThatValue() throws IOException {
            assertThat(mismatch(flatWith("&gt;= 0", "&gt; 0"))).get().asString()
                    .contains("declares Assigned beneficiaries as > 0;")
                    .contains("so Assigned beneficiaries = 0 would have no rule");
        }

        @Test
        void theColumnsInputValuesNarrowItToo() throws IOException {
            assertThat(mismatch(flatWith(COLUMN_END, COLUMN_END + "<inputValues><text>[0..5000]</text></inputValues>"))).get().asString()
                    .contains("declares Assigned beneficiaries as [0..5000];")
                    .contains("so Assigned beneficiaries > 5000 would have no rule");
        }

        @Test
        void theTypeItsTypeIsBuiltOnNarrowsItToo() throws IOException {
            String counts = "<itemDefinition id=\"tCount\" name=\"tCount\"><typeRef>number</typeRef>"
                    + "<allowedValues><text>&lt;= 5000</text></allowedValues></itemDefinition>";
            assertThat(mismatch(flatWith(TYPE, counts + TYPE.replace("<typeRef>number</typeRef>", "<typeRef>tCount</typeRef>"))))
                    .get().asString()
                    .contains("declares Assigned beneficiaries as [0..5000];")
                    .contains("so Assigned beneficiaries > 5000 would have no rule");
        }

        @Test
        void aDeclarationThatCannotBeComparedIsRefusedNamingIt() throws IOException {
            String dates = "<typeRef>date</typeRef><allowedValues><text>[date(\"2024-01-01\")..date(\"2024-12-31\")]</text></allowedValues>";
            assertThat(mismatch(flatWith("<typeRef>number</typeRef><allowedValues><text>&gt;= 0</text></allowedValues>", dates)))
                    .hasValue("the table declares Assigned beneficiaries in a way Accord cannot compare with what the shipped table"
                            + " allows (>= 0): '[date(\"2024-01-01\")..date(\"2024-12-31\")]' is not a number, a range of numbers"
                            + " or a string; declare numbers as ranges (>= 0, [0..5000]) or strings as a list (\"gold\", \"silver\")");
        }

        @Test
        void stringsWhereTheShippedTableDeclaresNumbersAreRefusedNamingBoth() throws IOException {
            String words = "<typeRef>string</typeRef><allowedValues><text>\"few\", \"many\"</text></allowedValues>";
            assertThat(mismatch(flatWith("<typeRef>number</typeRef><allowedValues><text>&gt;= 0</text></allowedValues>", words)))
                    .hasValue("the table declares Assigned beneficiaries as \"few\", \"many\", which Accord cannot compare with what"
                            + " the shipped table allows (>= 0): numbers (>= 0) cannot be compared with strings (\"few\", \"many\")");
        }
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
