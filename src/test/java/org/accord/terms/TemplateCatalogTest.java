package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    private final com.networknt.schema.Schema schema;

    TemplateCatalogTest() throws Exception {
        schema = TemplateCatalog.schema(Files.readAllBytes(Path.of("contract-templates/template.schema.json")));
    }

    /**
     * A template whose years end and that says how many years it covers says as many as it settles: commercial-global-budget
     * was "a five-year global budget" with values for 2024 to 2026 only, a later year refused.
     */
    @Test
    void aTemplateThatSaysHowManyYearsItCoversSettlesThatMany() {
        java.util.Map<String, Integer> words = java.util.Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7);
        java.util.regex.Pattern years = java.util.regex.Pattern.compile("\\b(two|three|four|five|six|seven)-year\\b");
        int checked = 0;
        for (ContractTemplate template : TemplateCatalog.load().all()) {
            java.util.regex.Matcher said = years.matcher(template.description());
            if (template.lastPerformanceYear() == null || !said.find()) {
                continue;
            }
            checked++;
            assertThat(words.get(said.group(1))).as(template.id() + ": \"" + said.group() + "\", settling " + template.firstYearSettled()
                    + " to " + template.lastPerformanceYear()).isEqualTo(template.lastPerformanceYear() - template.firstYearSettled() + 1);
        }
        assertThat(checked).as("templates checked (the global budget and its stop-loss extension)").isEqualTo(2);
    }

    /**
     * A template of a program CMS runs settles no year before the program, or the track, began: mssp-basic and mssp-enhanced
     * gave no first year and settled 2017, before the BASIC and ENHANCED tracks (42 CFR 425.600(a)(3), (a)(4): from July 1,
     * 2019), while the ACO templates of the same tracks gave theirs.
     */
    @Test
    void everyTemplateOfTheMedicareProgramGivesTheFirstYearOfItsTrack() {
        java.util.List<String> medicare = TemplateCatalog.load().all().stream().filter(t -> t.payer().equals("Medicare (CMS)"))
                .map(ContractTemplate::id).toList();
        assertThat(medicare).contains("mssp-basic", "mssp-enhanced", "mssp-aco-track-1", "mssp-aco-basic-e").hasSize(12);
        for (ContractTemplate template : TemplateCatalog.load().all()) {
            if (medicare.contains(template.id())) {
                assertThat(template.firstPerformanceYear()).as(template.id()).isNotNull();
            }
        }
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
        String bands = corridorTemplate("bad", "A middle band starting beyond the outer", """
                  - {threshold: "0", ipaShareOfGains: "1", ipaShareOfLosses: "1"}
                  - {threshold: "0.05", ipaShareOfGains: "0.5", ipaShareOfLosses: "0.5"}
                  - {threshold: "0.02", ipaShareOfGains: "0.2", ipaShareOfLosses: "0.2"}
                """);
        assertThatThrownBy(() -> TemplateCatalog.read("bad.yaml", bands.getBytes(StandardCharsets.UTF_8), schema))
                .hasMessageContaining("corridorBands").hasMessageContaining("rung 2's threshold 0.02 is not above rung 1's 0.05");
    }

    /** A template's scale is held to the fields its concept's rules read, as an override is: at load and at publication. */
    @Test
    void aTemplatesScaleWithARungMissingAFieldOrNamingAnotherIsRefusedAtLoadAndAtUpload() {
        String bands = corridorTemplate("bad-bands", "Bands without the IPA's share of a loss", """
                  - {threshold: "0", ipaShareOfGains: "1", ipaShareOfLoss: "1"}
                  - {threshold: "0.05", ipaShareOfGains: "0.5", ipaShareOfLoss: "0.5"}
                """);
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

    /**
     * The outside tester's upload (ma-capitation copied with a 300% withhold of up to 500%, a 200% reserve, a -50% weight
     * and a band keeping 250% of a gain and bearing -100% of a loss) was published: only a value outside the template's
     * own bounds was refused, never the bounds. A rate is a share of a whole, whatever a template says: each bound and
     * value outside 0 to 1 is refused at its place.
     */
    @Test
    void anUploadedTemplateDeclaringRatesOutsideZeroToOneIsRefusedAtEachBoundAndValue() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/uploads/refused/probe-cap-rates.yaml"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(bytes)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).extracting(InputProblem::pointer).contains(
                    "/clauses/3/parameters/withholdRate/maximum", "/clauses/3/parameters/withholdRate/value",
                    "/clauses/4/parameters/corridorBands/minimum", "/clauses/4/parameters/corridorBands/maximum",
                    "/clauses/4/parameters/corridorBands/value",
                    "/clauses/6/parameters/memberMonthsWeight/minimum", "/clauses/6/parameters/memberMonthsWeight/value",
                    "/clauses/6/parameters/reserveRate/maximum", "/clauses/6/parameters/reserveRate/value",
                    "/clauses/6/constraints");
            assertThat(e.problems()).filteredOn(p -> p.pointer().equals("/clauses/3/parameters/withholdRate/maximum"))
                    .extracting(InputProblem::reason).containsExactly("clause withhold parameter withholdRate maximum: 5 is above 1, the most"
                            + " withholdRate can mean in any contract of concept withhold (rules/payment/withhold.concept.yaml:"
                            + " a rate is a share of a whole)");
            assertThat(e.problems()).filteredOn(p -> p.pointer().equals("/clauses/4/parameters/corridorBands/value"))
                    .extracting(InputProblem::reason).anyMatch(r -> r.contains("rung 0's ipaShareOfGains 2.5 is above 1"))
                    .anyMatch(r -> r.contains("rung 0's ipaShareOfLosses -1 is below 0"));
        });
        // Read as stored (a run made with it replays), it is the template that ran.
        assertThat(TemplateCatalog.ofFile("stored", bytes).find("probe-cap-rates")).isPresent();
    }

    /** Without the sum-to-one the concept requires, weights of 0.6 each were rescaled silently (each "Weight 90%"). */
    @Test
    void anUploadedDistributionWithoutTheSumToOneItsConceptRequiresIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/uploads/refused/probe-cap-noconstraint.yaml"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(bytes)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).extracting(InputProblem::pointer).containsExactly("/clauses/6/constraints");
            assertThat(e.problems().get(0).reason()).isEqualTo("clause distribution constraints: concept distribution requires"
                    + " sum-to-one of memberMonthsWeight, qualityWeight, costPerformanceWeight"
                    + " (rules/distribution/distribution.concept.yaml), which the clause does not declare: without it shares of"
                    + " one whole that do not add up to 1 would be rescaled silently");
        });
        assertThat(TemplateCatalog.ofFile("stored", bytes).find("probe-cap-noconstraint")).isPresent();
    }

    private static String stopLoss(String reimbursedShare) {
        return """
                id: own-stop-loss
                version: "1"
                name: Stop-loss
                payer: Nobody
                description: A stop-loss
                source: none
                clauses:
                  - id: stop-loss
                    concept: stop-loss
                    title: Stop-loss
                    text: Reimbursed.
                    source: none
                    parameters:
                      attachmentPoint: {type: amount, unit: USD, description: a, source: none, value: "100000"}
                      reimbursedShare: {type: rate, unit: rate, description: r, source: none%s}
                """.formatted(reimbursedShare);
    }

    /** A rate whose template states no bounds is held to its concept's: no override makes it mean more than the whole. */
    @Test
    void aRateWithoutBoundsOfItsOwnIsHeldToItsConceptsInTheTemplateAndInEveryOverride() {
        ContractTemplate template = TemplateCatalog.readUpload(stopLoss(", value: \"0.80\"").getBytes(StandardCharsets.UTF_8));
        assertThat(template.parameter("reimbursedShare").orElseThrow().maximum()).isNull();
        assertThatThrownBy(() -> TermsResolver.resolve(template, java.util.Map.of("reimbursedShare", "1.5"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/reimbursedShare", "1.5 is above 1, the most reimbursedShare can mean in any contract"
                                + " of concept stop-loss (rules/risk/stop-loss.concept.yaml: a rate is a share of a whole)")));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("reimbursedShare", "1.5"), 2025, ParameterDeclaration.Checks.AS_STORED)
                .overrides()).containsEntry("reimbursedShare", new java.math.BigDecimal("1.5"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(stopLoss(", value: \"1.20\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactly("/clauses/0/parameters/reimbursedShare/value"));
    }

    /**
     * A capitation of -$10.00 PMPM (range from -100) was published and settled "Capitation -$54,646.80" and a positive
     * withhold, and a target of -$1,000 PMPM and an admin fee of -$20 PMPM settled a corridor against a negative target
     * (found from outside, probe 4 P6): no amount a concept's rules pay or measure against can be below nothing, and the
     * concepts said so of rates only. Refused at the template's bound and value; a stored run's terms still read.
     */
    @Test
    void anAmountBelowNothingIsRefusedAtTheTemplatesBoundAndValue() throws Exception {
        String negative = payerCapitationWith("minimum: '0'\n      maximum: '5000'\n      value: '52.00'", "minimum: '-100'\n      maximum: '5000'\n      value: '-10'",
                "minimum: '0'\n      maximum: '20000'\n      value: '1050.00'", "minimum: '-2000'\n      maximum: '20000'\n      value: '-1000'",
                "minimum: '0'\n      maximum: '100'\n      value: '1.50'", "minimum: '-50'\n      maximum: '100'\n      value: '-20'");
        assertThat(negative).contains("value: '-10'", "value: '-1000'", "value: '-20'");

        assertThatThrownBy(() -> TemplateCatalog.readUpload(negative.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactlyInAnyOrder("/clauses/2/parameters/capitationPmpm/minimum", "/clauses/2/parameters/capitationPmpm/value",
                                "/clauses/4/parameters/targetPmpm/minimum", "/clauses/4/parameters/targetPmpm/value",
                                "/clauses/5/parameters/adminFeePmpm/minimum", "/clauses/5/parameters/adminFeePmpm/value"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(negative.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).contains(new InputProblem(
                        "/clauses/2/parameters/capitationPmpm/value", "clause capitation parameter capitationPmpm value: -10 is below 0,"
                                + " the least capitationPmpm can mean in any contract of concept capitation (rules/payment/capitation.concept.yaml)")));
    }

    /** An amount whose template states no floor of its own is held to its concept's: no override takes it below nothing. */
    @Test
    void anAmountWithoutAFloorOfItsOwnIsHeldToItsConceptsInTheTemplateAndInEveryOverride() {
        ContractTemplate template = TemplateCatalog.readUpload(stopLoss(", value: \"0.80\"").getBytes(StandardCharsets.UTF_8));
        assertThat(template.parameter("attachmentPoint").orElseThrow().minimum()).isNull();
        assertThatThrownBy(() -> TermsResolver.resolve(template, java.util.Map.of("attachmentPoint", "-1"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/attachmentPoint", "-1 is below 0, the least attachmentPoint can mean in any contract"
                                + " of concept stop-loss (rules/risk/stop-loss.concept.yaml)")));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("attachmentPoint", "-1"), 2025, ParameterDeclaration.Checks.AS_STORED)
                .overrides()).as("a stored run's terms read as they ran").containsEntry("attachmentPoint", new java.math.BigDecimal("-1"));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("attachmentPoint", "0"), 2025).overrides())
                .containsEntry("attachmentPoint", new java.math.BigDecimal("0"));
        String stored = stopLoss(", value: \"0.80\"").replace("value: \"100000\"", "value: \"-100000\"");
        assertThatThrownBy(() -> TemplateCatalog.readUpload(stored.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactly("/clauses/0/parameters/attachmentPoint/value"));
        assertThat(TemplateCatalog.ofFile("stored", stored.getBytes(StandardCharsets.UTF_8)).find("own-stop-loss").orElseThrow()
                .parameter("attachmentPoint").orElseThrow().valueIn(2025)).as("a stored text still reads")
                .isEqualTo(new java.math.BigDecimal("-100000"));
    }

    /** Every amount a concept declares is a payment, a fee, a budget, a target or a point on a cost: none is below nothing. */
    @Test
    void everyAmountAConceptDeclaresHasAFloorOfZero() {
        java.util.List<String> amounts = new java.util.ArrayList<>();
        for (ConceptDescriptor concept : ConceptRegistry.shipped().all()) {
            concept.parameters().forEach((name, declared) -> {
                if (declared.type() == ParameterType.AMOUNT) {
                    amounts.add(concept.name() + " " + name);
                    assertThat(declared.minimum()).as(concept.name() + " " + name).isNotNull().isZero();
                }
            });
        }
        assertThat(amounts).contains("capitation capitationPmpm", "risk-corridor targetPmpm", "global-budget budgetPmpm",
                "admin-fee adminFeePmpm", "stop-loss attachmentPoint", "care-management-fee careManagementPmpm",
                "pay-for-performance bonusPerAnnualWellnessVisit");
    }

    /**
     * A normalisation risk score divides each practice's risk score: at 0 the capitation divides by nothing, below it pays
     * the practice a negative capitation. A minimum denominator of 0 scores a measure no member is eligible for (its rate
     * taken as 0 reaches every gate of a lower-is-better measure), and a negative count of months, beneficiaries or
     * members means nothing. The concepts bounded amounts and rates and left these open: an upload's range and value, and
     * an override where the template states no floor, are now held to the concept's, naming the field.
     */
    @Test
    void aRiskScoreOfNothingOrANegativeCountIsRefusedAtTheTemplatesBoundAndValueAndInAnOverride() throws Exception {
        String nothing = payerCapitationWith("minimum: '0.1'\n      maximum: '5'\n      value: '1.00'", "minimum: '-1'\n      maximum: '5'\n      value: '0'",
                "minimum: '1'\n      maximum: '1000'\n      value: 20", "minimum: '-5'\n      maximum: '1000'\n      value: 0",
                "minimum: '0'\n      maximum: '36'\n      value: 6", "minimum: '-12'\n      maximum: '36'\n      value: -1");
        assertThat(nothing).contains("value: '0'", "value: 0", "value: -1");

        assertThatThrownBy(() -> TemplateCatalog.readUpload(nothing.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                            "/clauses/0/parameters/minimumDenominator/minimum", "/clauses/0/parameters/minimumDenominator/value",
                            "/clauses/2/parameters/normalisationRiskScore/minimum", "/clauses/2/parameters/normalisationRiskScore/value",
                            "/clauses/7/parameters/reconciliationLagMonths/minimum", "/clauses/7/parameters/reconciliationLagMonths/value");
                    assertThat(e.problems()).contains(new InputProblem("/clauses/2/parameters/normalisationRiskScore/value",
                            "clause capitation parameter normalisationRiskScore value: 0 is below 0.1, the least normalisationRiskScore"
                                    + " can mean in any contract of concept capitation (rules/payment/capitation.concept.yaml)"),
                            new InputProblem("/clauses/0/parameters/minimumDenominator/value", "clause quality-measures parameter"
                                    + " minimumDenominator value: 0 is below 1, the least minimumDenominator can mean in any contract of"
                                    + " concept quality-measures (rules/quality/quality-measures.concept.yaml)"));
                });

        // Where the template states no floor of its own, an override is held to the concept's.
        String open = payerCapitationWith("minimum: '0.1'\n      maximum: '5'\n      value: '1.00'", "value: '1.00'",
                "minimum: '1'\n      maximum: '1000'\n      value: 20", "value: 20", "minimum: '0'\n      maximum: '36'\n      value: 6", "value: 6");
        ContractTemplate template = TemplateCatalog.readUpload(open.getBytes(StandardCharsets.UTF_8));
        assertThat(template.parameter("normalisationRiskScore").orElseThrow().minimum()).isNull();
        assertThatThrownBy(() -> TermsResolver.resolve(template, java.util.Map.of("normalisationRiskScore", "0", "minimumDenominator", "-1",
                "reconciliationLagMonths", "-3"), 2025)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactlyInAnyOrder(
                                new InputProblem("/overrides/normalisationRiskScore", "0 is below 0.1, the least normalisationRiskScore can"
                                        + " mean in any contract of concept capitation (rules/payment/capitation.concept.yaml)"),
                                new InputProblem("/overrides/minimumDenominator", "-1 is below 1, the least minimumDenominator can mean in"
                                        + " any contract of concept quality-measures (rules/quality/quality-measures.concept.yaml)"),
                                new InputProblem("/overrides/reconciliationLagMonths", "-3 is below 0, the least reconciliationLagMonths"
                                        + " can mean in any contract of concept payment-timing (rules/payment/payment-timing.concept.yaml)")));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("normalisationRiskScore", "0.1", "minimumDenominator", "1",
                "reconciliationLagMonths", "0"), 2025).overrides()).containsEntry("minimumDenominator", 1);
        assertThat(TermsResolver.resolve(template, java.util.Map.of("minimumDenominator", "0"), 2025, ParameterDeclaration.Checks.AS_STORED)
                .overrides()).as("a stored run's terms read as they ran").containsEntry("minimumDenominator", 0);
        assertThat(TemplateCatalog.ofFile("stored", nothing.getBytes(StandardCharsets.UTF_8)).find("payer-capitation").orElseThrow()
                .parameter("normalisationRiskScore").orElseThrow().valueIn(2025)).as("a stored text still reads").isEqualTo(java.math.BigDecimal.ZERO);
    }

    /** The upload fixture payer-capitation with each text given replaced by the one after it. */
    private static String payerCapitationWith(String... replacements) throws java.io.IOException {
        String payer = Files.readString(Path.of("src/test/resources/uploads/payer-capitation.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(payer).contains(replacements[i]);
            payer = payer.replace(replacements[i], replacements[i + 1]);
        }
        return payer;
    }

    /** Every whole number and number a concept declares is a count, a year or a risk score: none has no floor. */
    @Test
    void everyCountAndNumberAConceptDeclaresHasAFloor() {
        java.util.Map<String, String> floors = new java.util.TreeMap<>();
        for (ConceptDescriptor concept : ConceptRegistry.shipped().all()) {
            concept.parameters().forEach((name, declared) -> {
                if (declared.type() == ParameterType.COUNT || declared.type() == ParameterType.NUMBER) {
                    assertThat(declared.minimum()).as(concept.name() + " " + name).isNotNull();
                    floors.put(concept.name() + " " + name, declared.minimum().toPlainString());
                }
            });
        }
        assertThat(floors).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("capitation normalisationRiskScore", "0.1",
                "quality-measures minimumDenominator", "1", "payment-timing reconciliationLagMonths", "0",
                "shared-savings-below-minimum-savings-rate minimumAssignedBeneficiaries", "0",
                "shared-savings-below-minimum-savings-rate firstAgreementStartYear", "2012"));
    }

    /** A template may offer a decimal as a few values only (an election): any other is refused, a stored run's replayed. */
    @Test
    void aDecimalWithAllowedValuesTakesOnlyThose() {
        ContractTemplate template = TemplateCatalog.readUpload(stopLoss(", allowed: [\"0.5\", \"0.80\"], value: \"0.80\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("reimbursedShare", "0.50"), 2025).overrides())
                .containsEntry("reimbursedShare", new java.math.BigDecimal("0.50"));
        assertThatThrownBy(() -> TermsResolver.resolve(template, java.util.Map.of("reimbursedShare", "0.7"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/reimbursedShare", "0.7 is not one of the allowed values 0.5, 0.80 (rate)")));
        assertThat(TermsResolver.resolve(template, java.util.Map.of("reimbursedShare", "0.7"), 2025, ParameterDeclaration.Checks.AS_STORED)
                .overrides()).containsEntry("reimbursedShare", new java.math.BigDecimal("0.7"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(stopLoss(", allowed: [\"0.5\"], value: \"0.80\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactly("/clauses/0/parameters/reimbursedShare"));
    }

    /**
     * The one rate a contract may set above 1 is a percentage of a fee schedule (Medicaid at 105%): its concept
     * bounds it at 500% rather than a template widening every rate.
     */
    @Test
    void aPercentageOfTheFeeScheduleMayExceedOneWithinItsConceptsBound() throws Exception {
        assertThat(TemplateCatalog.load().find("medicaid-ffs-p4p").orElseThrow().parameter("negotiatedPercentage").orElseThrow()
                .valueIn(2025)).isEqualTo(new java.math.BigDecimal("1.05"));
        String fee = new String(TemplateCatalogTest.class.getResourceAsStream("/" + TemplateCatalog.FOLDER + "/medicaid-ffs-p4p.yaml")
                .readAllBytes(), StandardCharsets.UTF_8);
        // An uploaded template cannot include: it writes the catalogue's directions out.
        fee = fee.replace("measureDirections: {include: quality/measure-gates}", "measureDirections: {HBD-POOR: lower-is-better}");
        String wider = fee.replace("id: medicaid-ffs-p4p", "id: own-ffs").replace("maximum: \"5\"", "maximum: \"105\"");
        assertThat(wider).isNotEqualTo(fee.replace("id: medicaid-ffs-p4p", "id: own-ffs"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(wider.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer, InputProblem::reason).contains(org.assertj.core.groups.Tuple.tuple(
                                "/clauses/0/parameters/negotiatedPercentage/maximum", "clause fee-for-service parameter negotiatedPercentage"
                                        + " maximum: 105 is above 5, the most negotiatedPercentage can mean in any contract of concept"
                                        + " fee-for-service (rules/payment/fee-for-service.concept.yaml)")));
    }

    /**
     * The directions a template records are the measure catalogue's, so that its hash covers what the bonus reads: one
     * published with a direction of its own, or a measure the catalogue does not know, is refused naming where; a stored
     * text is read as it was stored (a run's replay reads the directions it recorded), and a text recording none is read
     * as one stored before templates recorded them.
     */
    @Test
    void theDirectionsATemplatePublishedNowRecordsAreTheCatalogues() throws Exception {
        String fee = new String(TemplateCatalogTest.class.getResourceAsStream("/" + TemplateCatalog.FOLDER + "/medicaid-ffs-p4p.yaml")
                .readAllBytes(), StandardCharsets.UTF_8).replace("id: medicaid-ffs-p4p", "id: own-ffs");
        String include = "measureDirections: {include: quality/measure-gates}";
        assertThat(fee).contains(include);
        String without = fee.replace(include, "");
        String inverted = fee.replace(include, "measureDirections: {HBD-POOR: higher-is-better, CBP: higher-is-better}");
        String unknown = fee.replace(include, "measureDirections: {HBD: lower-is-better}");

        assertThat(TemplateCatalog.readUpload(without.getBytes(StandardCharsets.UTF_8)).measureDirections()).isEmpty();
        assertThat(TemplateCatalog.readUpload(fee.replace(include, "measureDirections: {HBD-POOR: lower-is-better}")
                .getBytes(StandardCharsets.UTF_8)).measureDirections()).containsExactly(java.util.Map.entry("HBD-POOR", "lower-is-better"));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(inverted.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer, InputProblem::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "/measureDirections/HBD-POOR", "measureDirections: HBD-POOR is lower-is-better in the measure catalogue"
                                        + " (contract-templates/parameters/quality/measure-gates.yaml), not higher-is-better: a direction"
                                        + " belongs to the measure, not to a contract")));
        assertThatThrownBy(() -> TemplateCatalog.readUpload(unknown.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::pointer).containsExactly("/measureDirections/HBD"));

        ContractTemplate stored = TemplateCatalog.ofFile("stored", inverted.getBytes(StandardCharsets.UTF_8)).find("own-ffs").orElseThrow();
        assertThat(stored.measureDirections()).containsExactly(java.util.Map.entry("CBP", "higher-is-better"),
                java.util.Map.entry("HBD-POOR", "higher-is-better"));
        assertThat(TemplateCatalog.ofFile("stored", without.getBytes(StandardCharsets.UTF_8)).find("own-ffs").orElseThrow()
                .measureDirections()).isEmpty();
    }

    /** A template of one quality-measures clause whose gates are this YAML ("value:" or "values:" and what follows), after this top-level text. */
    private static byte[] measuresTemplate(String top, String gates) {
        return ("""
                id: own-measures
                version: "1"
                name: Measures
                payer: Nobody
                description: Measures
                source: none
                """ + top + """
                clauses:
                  - id: quality-measures
                    concept: quality-measures
                    title: Quality measures
                    text: A point for each gate reached.
                    source: none
                    parameters:
                      minimumDenominator: {type: count, unit: members, description: d, source: none, value: 20}
                      measureGates:
                        type: measure-gates
                        unit: rate
                        description: g
                        source: none
                """ + gates.indent(8)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An uploaded template's own gates are held to its measures' directions, as an override of them is since 47ac8d4:
     * gates for HBD-POOR (poor HbA1c control, better lower) written in the higher-is-better order, or its direction
     * turned to higher-is-better, were published, and the template scored 21% poorly controlled a perfect composite.
     * Refused at the measure's direction or first gate out of order, in a single value and in the value from a year,
     * against the directions the template records or else the measure catalogue's; a stored text still reads.
     */
    @Test
    void anUploadWhoseOwnGatesTurnAMeasureAroundIsRefusedAtTheMeasure() {
        byte[] ascending = measuresTemplate("", """
                value:
                  CBP: {direction: higher-is-better, gates: ["0.60", "0.70", "0.80"]}
                  HBD-POOR: {direction: lower-is-better, gates: ["0.15", "0.20", "0.30"]}
                """);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(ascending)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new InputProblem("/clauses/0/parameters/measureGates/value/HBD-POOR/gates/1",
                        "clause quality-measures parameter measureGates value: HBD-POOR's gate 1 0.20 is above gate 0 0.15: HBD-POOR is"
                                + " lower-is-better, so each gate is at or below the one before")));

        byte[] turned = measuresTemplate("", """
                value:
                  HBD-POOR: {direction: higher-is-better, gates: ["0.15", "0.20", "0.30"]}
                """);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(turned)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new InputProblem("/clauses/0/parameters/measureGates/value/HBD-POOR/direction",
                        "clause quality-measures parameter measureGates value: HBD-POOR's direction higher-is-better turns HBD-POOR around:"
                                + " it is lower-is-better in the measure catalogue (contract-templates/parameters/quality/measure-gates.yaml),"
                                + " and a direction belongs to the measure, not to a contract")));
        byte[] turnedAgainstItsOwn = measuresTemplate("measureDirections: {HBD-POOR: lower-is-better}\n", """
                value:
                  HBD-POOR: {direction: higher-is-better, gates: ["0.15", "0.20", "0.30"]}
                """);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(turnedAgainstItsOwn)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InputProblem::pointer, InputProblem::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "/clauses/0/parameters/measureGates/value/HBD-POOR/direction", "clause quality-measures parameter measureGates value:"
                                + " HBD-POOR's direction higher-is-better turns HBD-POOR around: it is lower-is-better in template own-measures's"
                                + " measureDirections, and a direction belongs to the measure, not to a contract")));

        byte[] from2026 = measuresTemplate("", """
                values:
                  2025:
                    HBD-POOR: {direction: lower-is-better, gates: ["0.30", "0.20", "0.15"]}
                  2026:
                    HBD-POOR: {direction: lower-is-better, gates: ["0.30", "0.35"]}
                """);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(from2026)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactly("/clauses/0/parameters/measureGates/values/2026/HBD-POOR/gates/1"));

        assertThat(TemplateCatalog.ofFile("stored", turned).find("own-measures").orElseThrow().parameter("measureGates").orElseThrow()
                .valueIn(2025)).as("a stored text still reads").isNotNull();
        assertThat(TemplateCatalog.readUpload(measuresTemplate("", """
                value:
                  HBD-POOR: {direction: lower-is-better, gates: ["0.30", "0.20", "0.20"]}
                """)).id()).as("a level gate is in order").isEqualTo("own-measures");
    }

    /** A template of one withhold clause whose return ladder is this YAML ("value:" or "values:" and what follows). */
    private static String withholdTemplate(String ladder) {
        return """
                id: own-withhold
                version: "1"
                name: Withhold
                payer: Nobody
                description: A withhold
                source: none
                clauses:
                  - id: withhold
                    concept: withhold
                    title: Withhold
                    text: Returned by the ladder.
                    source: none
                    parameters:
                      withholdRate: {type: rate, unit: rate, description: w, source: none, value: "0.10"}
                      withholdReturnBasis: {type: choice, unit: word, description: b, source: none, allowed: [quality-ladder], value: quality-ladder}
                      withholdReturnLadder:
                        type: scale
                        unit: rate
                        description: l
                        source: none
                """ + ladder.indent(8);
    }

    /**
     * F10: a template whose withhold return ladder gives back less at a better score is refused at the rung's field,
     * naming both rungs, in a single value and in the value in force from a year; read as stored, it is the template
     * that ran (a run made with it replays).
     */
    @Test
    void anUploadedLadderThatFallsIsRefusedAtTheRungsField() {
        byte[] falls = withholdTemplate("""
                value:
                  - {threshold: "0.50", rate: "0.50"}
                  - {threshold: "0.70", rate: "0.40"}
                """).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(falls)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new InputProblem("/clauses/0/parameters/withholdReturnLadder/value/1/rate",
                        "clause withhold parameter withholdReturnLadder value: rung 1's rate 0.40 (from threshold 0.70) is below rung 0's"
                                + " rate 0.50 (from threshold 0.50): withholdReturnLadder's rate never falls from one rung to the next in any"
                                + " contract of concept withhold (rules/payment/withhold.concept.yaml), so a higher rung never gives less")));
        byte[] fallsFrom2026 = withholdTemplate("""
                values:
                  2025:
                    - {threshold: "0.50", rate: "0.50"}
                    - {threshold: "0.70", rate: "0.75"}
                  "2026-01-01":
                    - {threshold: "0.50", rate: "0.80"}
                    - {threshold: "0.70", rate: "0.75"}
                """).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TemplateCatalog.readUpload(fallsFrom2026)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InputProblem::pointer)
                        .containsExactly("/clauses/0/parameters/withholdReturnLadder/values/2026-01-01/1/rate"));
        assertThatThrownBy(() -> TemplateCatalog.read("own-withhold.yaml", falls, schema)).hasMessageContaining("rung 1's rate 0.40");
        assertThat(TemplateCatalog.ofFile("stored", falls).find("own-withhold")).isPresent();
        assertThat(TemplateCatalog.readUpload(withholdTemplate("""
                value:
                  - {threshold: "0.50", rate: "0.50"}
                  - {threshold: "0.70", rate: "0.50"}
                """).getBytes(StandardCharsets.UTF_8)).id()).isEqualTo("own-withhold");
    }

    /** A template of one risk corridor clause whose bands are these rungs (YAML list items, each line "- {...}"). */
    private static String corridorTemplate(String id, String description, String rungs) {
        return """
                id: %s
                version: "1"
                name: Bad
                payer: Nobody
                description: %s
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
                """.formatted(id, description) + rungs.indent(8);
    }
}
