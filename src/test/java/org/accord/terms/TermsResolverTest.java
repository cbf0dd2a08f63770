package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.accord.validation.InputProblem;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

class TermsResolverTest {

    private final TemplateCatalog catalog = TemplateCatalog.load();

    private ContractTemplate template(String id) {
        return catalog.find(id).orElseThrow();
    }

    @Test
    void everyShippedTemplateResolvesForItsYears() {
        assertThat(catalog.all()).extracting(ContractTemplate::id).contains("mssp-basic", "mssp-enhanced",
                "commercial-global-budget", "ma-capitation", "medicaid-ffs-p4p", "mssp-aco-track-1");
        for (ContractTemplate t : catalog.all()) {
            int year = t.lastPerformanceYear() == null ? 2025 : Math.min(2025, t.lastPerformanceYear());
            assertThat(TermsResolver.resolve(t, Map.of(), year).clauses()).hasSameSizeAs(t.clauses());
        }
    }

    @Test
    void anOverrideReplacesTheTemplateValueAndChangesTheHash() {
        Terms plain = TermsResolver.resolve(template("mssp-basic"), Map.of(), 2025);
        Terms richer = TermsResolver.resolve(template("mssp-basic"), Map.of("maximumSharingRate", "0.50"), 2025);
        assertThat(parameter(richer, "shared-savings", "maximumSharingRate")).isEqualTo(new BigDecimal("0.50"));
        assertThat(richer.hash()).isNotEqualTo(plain.hash());
        assertThat(TermsResolver.resolve(template("mssp-basic"), Map.of("maximumSharingRate", "0.50"), 2025).hash())
                .isEqualTo(richer.hash());
    }

    @Test
    void valuesByYearTakeTheLatestInForce() {
        assertThat(parameter(TermsResolver.resolve(template("commercial-global-budget"), Map.of(), 2024), "global-budget", "surplusShareRate"))
                .isEqualTo(new BigDecimal("0.50"));
        assertThat(parameter(TermsResolver.resolve(template("commercial-global-budget"), Map.of(), 2026), "global-budget", "surplusShareRate"))
                .isEqualTo(new BigDecimal("0.70"));
        assertThatThrownBy(() -> TermsResolver.resolve(template("commercial-global-budget"), Map.of(), 2023))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no value for performance year 2023");
    }

    /**
     * A year after the last a template settles is refused as a year before its first is (the global budget settled 2031 on
     * 2026's budget PMPM, untrended; Track 1 settled 2023, two years after the track ended), naming the template's years;
     * a template whose program goes on carries its last values on.
     */
    @Test
    void aYearAfterTheLastATemplateSettlesIsRefusedNamingItsYears() {
        assertThat(parameter(TermsResolver.resolve(template("commercial-global-budget"), Map.of(), 2026), "global-budget", "budgetPmpm"))
                .isEqualTo(new BigDecimal("1055.00"));
        assertThat(refused("commercial-global-budget", 2031)).containsExactly(new InputProblem("/period/performanceYear",
                "template commercial-global-budget settles performance years 2024 to 2026, not 2031: its values are given for"
                        + " those years and do not carry on past 2026"));
        // The stop-loss contract is the global budget with a clause more: the same years.
        assertThat(refused("commercial-global-budget-stop-loss", 2027)).extracting(InputProblem::reason).singleElement()
                .asString().startsWith("template commercial-global-budget-stop-loss settles performance years 2024 to 2026, not 2027");
        assertThat(TermsResolver.resolve(template("mssp-aco-track-1"), Map.of(), 2021).performanceYear()).isEqualTo(2021);
        assertThat(refused("mssp-aco-track-1", 2023)).extracting(InputProblem::reason).containsExactly(
                "template mssp-aco-track-1 settles performance years 2012 to 2021, not 2023: its values are given for those"
                        + " years and do not carry on past 2021");
        for (String track : java.util.List.of("mssp-aco-track-2", "mssp-aco-track-3", "mssp-aco-track-1-plus")) {
            assertThat(refused(track, 2022)).as(track).extracting(InputProblem::pointer).containsExactly("/period/performanceYear");
        }
        // The BASIC levels and ENHANCED extend Tracks 1 and 3 and go on after them, as do the templates of today's contracts.
        for (String goesOn : java.util.List.of("mssp-aco-basic-a", "mssp-aco-basic-e", "mssp-aco-enhanced", "mssp-basic",
                "ma-capitation", "medicaid-ffs-p4p")) {
            assertThat(TermsResolver.resolve(template(goesOn), Map.of(), 2031).performanceYear()).as(goesOn).isEqualTo(2031);
        }
    }

    /**
     * A year before the first a template's program had is refused naming its years, whatever the overrides: Track 3 (from
     * 2016, 80 FR 32692) settled 2014 once its two year-keyed bases were overridden, as did the ENHANCED track and BASIC
     * level A (from July 1, 2019, 42 CFR 425.600(a)(4)) on an overridden sharing rate basis; without overrides they were
     * refused by a parameter's missing value, not by the template's years.
     */
    @Test
    void aYearBeforeTheFirstATemplateSettlesIsRefusedNamingItsYearsWhateverTheOverrides() {
        Map<String, String> track3Bases = Map.of("sharingRateBasis", "quality-scaled", "lossSharingRateBasis", "one-minus-final-sharing-rate");
        assertThat(refused("mssp-aco-track-3", 2014, track3Bases)).containsExactly(new InputProblem("/period/performanceYear",
                "template mssp-aco-track-3 settles performance years 2016 to 2021, not 2014: its terms begin in 2016 and are not"
                        + " carried back before it"));
        assertThat(refused("mssp-aco-track-3", 2015, Map.of())).containsExactly(new InputProblem("/period/performanceYear",
                "template mssp-aco-track-3 settles performance years 2016 to 2021, not 2015: its terms begin in 2016 and are not"
                        + " carried back before it"));
        assertThat(refused("mssp-aco-track-1-plus", 2017, Map.of("sharingRateBasis", "quality-scaled"))).extracting(InputProblem::reason)
                .containsExactly("template mssp-aco-track-1-plus settles performance years 2018 to 2021, not 2017: its terms begin in 2018"
                        + " and are not carried back before it");
        for (String from2019 : java.util.List.of("mssp-aco-basic-a", "mssp-aco-basic-c", "mssp-aco-basic-e", "mssp-aco-enhanced")) {
            assertThat(refused(from2019, 2018, Map.of("sharingRateBasis", "quality-scaled"))).as(from2019).extracting(InputProblem::reason)
                    .containsExactly("template " + from2019 + " settles performance years from 2019, not 2018: its terms begin in 2019"
                            + " and are not carried back before it");
            assertThat(TermsResolver.resolve(template(from2019), Map.of(), 2019).performanceYear()).as(from2019).isEqualTo(2019);
        }
        assertThat(refused("mssp-aco-track-1", 2011, Map.of("sharingRateBasis", "quality-scaled", "alternativeQualityStandard",
                "not-assessed"))).extracting(InputProblem::reason).containsExactly("template mssp-aco-track-1 settles performance years"
                        + " 2012 to 2021, not 2011: its terms begin in 2012 and are not carried back before it");
        // Track 2 extends Track 3 but began with the program; its own first years still settle.
        assertThat(TermsResolver.resolve(template("mssp-aco-track-2"), Map.of(), 2012).performanceYear()).isEqualTo(2012);
        assertThat(TermsResolver.resolve(template("mssp-aco-track-3"), Map.of(), 2016).performanceYear()).isEqualTo(2016);
        assertThat(TermsResolver.resolve(template("mssp-aco-track-1-plus"), Map.of(), 2018).performanceYear()).isEqualTo(2018);
    }

    /**
     * The BASIC and ENHANCED templates of today's contracts begin when the tracks do, as the ACO templates of the same
     * tracks do (42 CFR 425.600(a)(3), (a)(4): agreement periods from July 1, 2019): mssp-basic and mssp-enhanced gave no
     * first year and settled 2017, two years before either track existed, since each of their values has one value for
     * every year or one taking effect in 2012. Like the ACO templates they go on: their last values carry on.
     */
    @Test
    void theBasicAndEnhancedTemplatesSettleNoYearBeforeTheTracksBegan() {
        for (String track : java.util.List.of("mssp-basic", "mssp-enhanced")) {
            assertThat(refused(track, 2017, Map.of())).as(track).containsExactly(new InputProblem("/period/performanceYear",
                    "template " + track + " settles performance years from 2019, not 2017: its terms begin in 2019 and are not carried"
                            + " back before it"));
            assertThat(refused(track, 2018, Map.of("sharingRateBasis", "quality-scaled"))).as(track).extracting(InputProblem::pointer)
                    .containsExactly("/period/performanceYear");
            assertThat(TermsResolver.resolve(template(track), Map.of(), 2019).performanceYear()).as(track).isEqualTo(2019);
            assertThat(template(track).firstPerformanceYear()).as(track)
                    .isEqualTo(template(track.equals("mssp-basic") ? "mssp-aco-basic-a" : "mssp-aco-enhanced").firstPerformanceYear());
            assertThat(template(track).lastPerformanceYear()).as(track).isNull();
        }
    }

    /** A first year before a parameter's first value would be refused for the missing value, not the years: refused as it loads. */
    @Test
    void aFirstPerformanceYearBeforeTheTemplatesValuesIsRefusedAsItLoads() {
        String track3 = new String(TemplateCatalog.shippedTexts().get("mssp-aco-track-3.yaml"), java.nio.charset.StandardCharsets.UTF_8);
        String early = track3.replace("firstPerformanceYear: 2016", "firstPerformanceYear: 2014");
        assertThat(early).isNotEqualTo(track3);
        assertThatThrownBy(() -> TemplateCatalog.ofFile("early.yaml", early.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("firstPerformanceYear: 2014 is before 2016, the first year in which every parameter has a value");
    }

    /**
     * Before 2016 the regulation set Track 2's minimum savings and loss rate, a flat 2%, for every ACO (42 CFR 425.606(b)):
     * an override of 1% for 2014 was accepted and settled in its place, the finding still calling the rate flat. It is
     * refused naming the regulation's rate; an override restating 2% replaces nothing and is accepted (the CMS files'
     * layouts read the rate CMS applied), and from 2016, when ACOs elected, the election is an override as before.
     */
    @Test
    void aRateTheRegulationSetForTheYearIsNotOverridden() {
        String source = "42 CFR 425.606(b): the minimum savings and loss rate, a flat 2% before 2016; from 2016 the symmetrical"
                + " MSR/MLR the ACO elects (0%, or 0.5% to 2.0% in steps of 0.5%)";
        assertThat(refused("mssp-aco-track-2", 2014, Map.of("electedMinimumSavingsRate", "0.01"))).containsExactly(new InputProblem(
                "/overrides/electedMinimumSavingsRate", "electedMinimumSavingsRate is set by regulation for performance year 2014 at 0.02 ("
                        + source + ") and negotiable only from 2016: 0.01 cannot replace it"));
        assertThat(refused("mssp-aco-track-2", 2015, Map.of("minimumSavingsRateBasis", "elected"))).extracting(InputProblem::pointer,
                InputProblem::reason).containsExactly(org.assertj.core.groups.Tuple.tuple("/overrides/minimumSavingsRateBasis",
                "minimumSavingsRateBasis is set by regulation for performance year 2015 at flat (42 CFR 425.606(b): the minimum"
                        + " savings and loss rate, elected from 2016 (a flat 2% before)) and negotiable only from 2016: elected cannot"
                        + " replace it"));
        assertThat((BigDecimal) parameter(TermsResolver.resolve(template("mssp-aco-track-2"), Map.of("electedMinimumSavingsRate", "0.020"), 2014),
                "shared-savings", "electedMinimumSavingsRate")).isEqualByComparingTo("0.02");
        assertThat((BigDecimal) parameter(TermsResolver.resolve(template("mssp-aco-track-2"), Map.of("electedMinimumSavingsRate", "0.01"), 2016),
                "shared-savings", "electedMinimumSavingsRate")).isEqualByComparingTo("0.01");
        // Track 3 and the later tracks elected from their first year: the same override is theirs to make.
        assertThat((BigDecimal) parameter(TermsResolver.resolve(template("mssp-aco-track-3"), Map.of("electedMinimumSavingsRate", "0.01"), 2016),
                "shared-savings", "electedMinimumSavingsRate")).isEqualByComparingTo("0.01");
    }

    private java.util.List<InputProblem> refused(String templateId, int year, Map<String, String> overrides) {
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template(templateId), overrides, year));
        assertThat(e).as(templateId + " in " + year).isNotNull();
        return e.problems();
    }

    private java.util.List<InputProblem> refused(String templateId, int year) {
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template(templateId), Map.of(), year));
        assertThat(e).as(templateId + " in " + year).isNotNull();
        return e.problems();
    }

    /** A name near a parameter's (a letter or two off, or part of it) is answered with that parameter. */
    @Test
    void anUnknownOverrideNamesTheParametersItMayHaveMeant() {
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template("mssp-basic"),
                Map.of("maximumSharingRat", "0.5"), 2025));
        assertThat(e.problems()).extracting(InputProblem::reason).containsExactly(
                "template mssp-basic has no parameter 'maximumSharingRat'; did you mean maximumSharingRate?");
    }

    @Test
    void badOverridesAreAllReportedNamingTheParameter() {
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template("mssp-basic"),
                Map.of("sharingRatee", "0.5", "maximumSharingRate", "1.5", "electedMinimumSavingsRate", "ten percent",
                        "minimumSavingsRateBasis", "guess"), 2025));
        assertThat(e.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/overrides/sharingRatee", "/overrides/maximumSharingRate", "/overrides/electedMinimumSavingsRate",
                "/overrides/minimumSavingsRateBasis");
        assertThat(e.problems()).extracting(InputProblem::reason).anyMatch(r -> r.contains("above the maximum 1"))
                .anyMatch(r -> r.equals("template mssp-basic has no parameter 'sharingRatee'"))
                .anyMatch(r -> r.contains("'ten percent' is not a decimal"))
                .anyMatch(r -> r.contains("'guess' is not one of [population, elected]"));
    }

    /**
     * 42 CFR 425.605(b)(2) offers 0%, or 0.5% to 2.0% in steps of 0.5%: an election of 0.7% was settled (losses of
     * 1.0000001% shared as "at least the minimum 0.7%"). Every template of the concept refuses it, naming the elections;
     * a run stored with it still resolves as it ran.
     */
    @Test
    void anElectedMinimumSavingsRateOffTheRegulationsStepsIsRefusedNamingTheElections() {
        for (String id : java.util.List.of("mssp-enhanced", "mssp-basic", "mssp-aco-track-1", "mssp-aco-basic-e", "mssp-aco-enhanced")) {
            InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template(id),
                    Map.of("minimumSavingsRateBasis", "elected", "electedMinimumSavingsRate", "0.007"), 2021));
            assertThat(e).as(id).isNotNull();
            assertThat(e.problems()).as(id).containsExactly(new InputProblem("/overrides/electedMinimumSavingsRate",
                    "0.007 is not one of the values electedMinimumSavingsRate may take in any contract of concept shared-savings:"
                            + " 0, 0.005, 0.01, 0.015, 0.02 (rules/payment/shared-savings.concept.yaml)"));
            for (String election : java.util.List.of("0", "0.005", "0.010", "0.015", "0.02")) {
                assertThat(parameter(TermsResolver.resolve(template(id), Map.of("minimumSavingsRateBasis", "elected",
                        "electedMinimumSavingsRate", election), 2021), "shared-savings", "electedMinimumSavingsRate"))
                        .as(id + " " + election).isEqualTo(new BigDecimal(election));
            }
            assertThat(parameter(TermsResolver.resolve(template(id), Map.of("minimumSavingsRateBasis", "elected",
                    "electedMinimumSavingsRate", "0.007"), 2021, ParameterDeclaration.Checks.AS_STORED), "shared-savings",
                    "electedMinimumSavingsRate")).as(id).isEqualTo(new BigDecimal("0.007"));
        }
    }

    @Test
    void distributionWeightsThatDoNotAddUpToOneAreRefusedNamingAllThree() {
        // 0.7 + 0.25 + 0.25 = 1.2: normalising would silently pay member months 58% instead of 70%.
        InvalidInputException e = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template("mssp-basic"),
                Map.of("memberMonthsWeight", "0.7"), 2025));
        assertThat(e.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/overrides/memberMonthsWeight", "/overrides/qualityWeight", "/overrides/costPerformanceWeight");
        assertThat(e.problems()).extracting(InputProblem::reason).allMatch(r -> r.equals(
                "memberMonthsWeight 0.7 + qualityWeight 0.25 + costPerformanceWeight 0.25 = 1.20: memberMonthsWeight, "
                        + "qualityWeight, costPerformanceWeight are shares of one whole and must add up to 1"));
        assertThat(TermsResolver.resolve(template("mssp-basic"), Map.of("memberMonthsWeight", "0.7", "qualityWeight", "0.05"), 2025)
                .clauses()).isNotEmpty();
    }

    @Test
    void boundsOutOfOrderAreRefusedNamingBoth() {
        InvalidInputException corridor = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template("ma-capitation"),
                Map.of("corridorBands[1].threshold", "0.08", "corridorBands[0].ipaShareOfLosses", "0.9"), 2025));
        assertThat(corridor.problems()).extracting(InputProblem::pointer)
                .containsExactlyInAnyOrder("/overrides/corridorBands[1].threshold", "/overrides/corridorBands[0].ipaShareOfLosses");
        assertThat(corridor.problems()).extracting(InputProblem::reason).allMatch(reason -> reason.contains(
                "rung 2's threshold 0.05 is not above rung 1's 0.08: the rungs of a scale are in ascending order"));
        InvalidInputException losses = (InvalidInputException) catchThrowable(() -> TermsResolver.resolve(template("mssp-enhanced"),
                Map.of("minimumLossSharingRate", "0.80"), 2025));
        assertThat(losses.problems()).extracting(InputProblem::reason)
                .containsOnly("minimumLossSharingRate 0.80 is above maximumLossSharingRate 0.75: minimumLossSharingRate, "
                        + "maximumLossSharingRate must be in ascending order");
    }

    @Test
    void theTermsHashIsTheSha256OfTheDocumentedCanonicalTerms() throws Exception {
        ContractTemplate tiny = tiny("");
        // docs/hashes.md: {"clauses":[{"concept","id","parameters"}],"performanceYear","template","version"}, numbers shortest.
        String canonical = "{\"clauses\":[{\"concept\":\"fee-for-service\",\"id\":\"ffs\",\"parameters\":{\"negotiatedPercentage\":1.1}}],"
                + "\"performanceYear\":2025,\"template\":\"tiny\",\"version\":\"1\"}";
        String expected = sha256(canonical);

        assertThat(TermsResolver.resolve(tiny, Map.of(), 2025).hash()).isEqualTo(expected)
                // printf '%s' "$canonical" | sha256sum
                .isEqualTo("sha256:b4180e975a319789caa5b724e71fb728153284e488c453b2f1e78bc6e7440292");
        assertThat(TermsResolver.resolve(tiny, Map.of("negotiatedPercentage", "1.100"), 2025).hash()).isEqualTo(expected);
        assertThat(TermsResolver.resolve(tiny, Map.of("negotiatedPercentage", new BigDecimal("1.1")), 2025).hash()).isEqualTo(expected);
    }

    /**
     * A template that records measure directions has them in its canonical terms, as the rules read them (docs/hashes.md);
     * one that records none leaves the member out, so its hash is as before (the example above).
     */
    @Test
    void theMeasureDirectionsATemplateRecordsAreInItsCanonicalTerms() throws Exception {
        ContractTemplate tiny = tiny("measureDirections: {HBD-POOR: lower-is-better, CBP: higher-is-better}\n");
        String canonical = "{\"clauses\":[{\"concept\":\"fee-for-service\",\"id\":\"ffs\",\"parameters\":{\"negotiatedPercentage\":1.1}}],"
                + "\"measureDirections\":{\"CBP\":\"higher-is-better\",\"HBD-POOR\":\"lower-is-better\"},"
                + "\"performanceYear\":2025,\"template\":\"tiny\",\"version\":\"1\"}";
        String expected = sha256(canonical);

        Terms terms = TermsResolver.resolve(tiny, Map.of(), 2025);
        assertThat(terms.hash()).isEqualTo(expected)
                // printf '%s' "$canonical" | sha256sum
                .isEqualTo("sha256:cc0f54165a800665a172f73395413fb1e97bff461fc0281ce29afedaecbe6e79");
        assertThat(terms.measureDirection("HBD-POOR")).isEqualTo(MeasureCatalogue.LOWER_IS_BETTER);
        // A measure the text does not name is higher-is-better.
        assertThat(terms.measureDirection("COL")).isEqualTo(MeasureCatalogue.HIGHER_IS_BETTER);
    }

    /** A template of one fee-for-service clause at 110%, with these top-level lines beside its own. */
    private static ContractTemplate tiny(String moreTopLevel) throws Exception {
        String yaml = """
                id: tiny
                version: "1"
                name: Tiny
                payer: Nobody
                description: One clause
                source: none
                """ + moreTopLevel + """
                clauses:
                  - id: ffs
                    concept: fee-for-service
                    title: FFS
                    text: FFS.
                    source: none
                    parameters:
                      negotiatedPercentage: {type: rate, unit: rate, description: rate, source: none, minimum: "0", maximum: "5", value: "1.10"}
                """;
        return TemplateCatalog.read("tiny.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                TemplateCatalog.schema(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("contract-templates/template.schema.json"))));
    }

    private static String sha256(String text) throws Exception {
        return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }

    private static Object parameter(Terms terms, String clause, String name) {
        return terms.clauses().stream().filter(c -> c.id().equals(clause)).findFirst().orElseThrow().parameters().get(name);
    }

    @Test
    void aRungOfAScaleIsOverriddenByItsTermPathAndTheOtherRungsStay() {
        Terms terms = TermsResolver.resolve(template("commercial-global-budget"),
                Map.of("qualityBonusLadder[3].rate", "0.12", "qualityBonusLadder[0].threshold", "0.65"), 2025);
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, BigDecimal>> rungs = (java.util.List<Map<String, BigDecimal>>) parameter(terms, "quality-bonus", "qualityBonusLadder");
        assertThat(rungs).extracting(r -> r.get("threshold").toPlainString() + "->" + r.get("rate").toPlainString())
                .containsExactly("0.65->0.02", "0.70->0.04", "0.80->0.07", "0.90->0.12");
    }

    @Test
    void aRungMovedOutOfOrderOrPastTheEndOrAPathIntoANonScaleIsRefusedNamingTheTerm() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("commercial-global-budget"),
                Map.of("qualityBonusLadder[1].threshold", "0.85"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(new InputProblem(
                        "/overrides/qualityBonusLadder[1].threshold", "qualityBonusLadder with qualityBonusLadder[1].threshold: rung 2's threshold "
                                + "0.80 is not above rung 1's 0.85: the rungs of a scale are in ascending order")));
        assertThatThrownBy(() -> TermsResolver.resolve(template("commercial-global-budget"),
                Map.of("qualityBonusLadder[4].rate", "0.2"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(new InputProblem(
                        "/overrides/qualityBonusLadder[4].rate", "qualityBonusLadder has 4 rungs, numbered 0 to 3")));
        assertThatThrownBy(() -> TermsResolver.resolve(template("commercial-global-budget"),
                Map.of("qualityBonusLadder[0].rate", "1.5"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get(0).reason())
                        .contains("rung 0's rate 1.5 is outside 0..1"));
        assertThatThrownBy(() -> TermsResolver.resolve(template("commercial-global-budget"),
                Map.of("surplusShareRate[0].rate", "0.5"), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(new InputProblem(
                        "/overrides/surplusShareRate[0].rate",
                        "'surplusShareRate' is a rate parameter; only a scale's rungs are named as name[rung].field")));
    }

    /**
     * Every rung has exactly the fields the scale's rules read (its concept's {@code fields}): a rung
     * with "rat" for "rate" was accepted, then the withhold rule read no rate and the request was a 500.
     */
    @Test
    void aRungMissingAFieldOrNamingOneTheScaleDoesNotHaveIsRefusedAtThatField() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("ma-capitation"),
                Map.of("withholdReturnLadder", java.util.List.of(Map.of("threshold", "0.5", "rat", "1"))), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/withholdReturnLadder/0/rate", "is required"),
                        new InputProblem("/overrides/withholdReturnLadder/0/rat",
                                "is not a field of withholdReturnLadder: its rungs have threshold, rate")));
        assertThatThrownBy(() -> TermsResolver.resolve(template("ma-capitation"),
                Map.of("corridorBands", java.util.List.of(Map.of("threshold", "0", "ipaShareOfGains", "1"))), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/corridorBands/0/ipaShareOfLosses", "is required")));
        java.util.Map<String, String> extra = new java.util.LinkedHashMap<>(Map.of("threshold", "0", "ipaShareOfGains", "1",
                "ipaShareOfLosses", "1", "bogus", "0.7"));
        assertThatThrownBy(() -> TermsResolver.resolve(template("ma-capitation"), Map.of("corridorBands", java.util.List.of(extra)), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/corridorBands/0/bogus",
                                "is not a field of corridorBands: its rungs have threshold, ipaShareOfGains, ipaShareOfLosses")));
        extra.remove("bogus");
        assertThat(TermsResolver.resolve(template("ma-capitation"), Map.of("corridorBands", java.util.List.of(extra)), 2025).hash())
                .isNotNull();
    }

    /** A per-member bonus of 1e9 was accepted and paid CBP's 91 members $91,000,000,000.00; each amount is bounded as the per-visit bonus is. */
    @Test
    void aPerMemberBonusAboveItsMaximumIsRefusedAtThatMeasure() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("medicaid-ffs-p4p"),
                Map.of("bonusPerMemberMeetingMeasure", Map.of("CBP", "1e9", "BCS", "20.00")), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/bonusPerMemberMeetingMeasure/CBP",
                                "1000000000 is above the maximum 1000 (USD per member)")));
        assertThat(template("medicaid-ffs-p4p").parameter("bonusPerMemberMeetingMeasure").orElseThrow().maximum())
                .isEqualByComparingTo(template("medicaid-ffs-p4p").parameter("bonusPerAnnualWellnessVisit").orElseThrow().maximum());
        assertThat(TermsResolver.resolve(template("medicaid-ffs-p4p"), Map.of("bonusPerMemberMeetingMeasure", Map.of("CBP", "1000")), 2025)
                .clauses()).isNotEmpty();
    }

    /** {"ZZZ": "5"} was accepted and paid nothing: a bonus on a measure the catalogue does not have is refused naming it and the known ids. */
    @Test
    void aPerMemberBonusOnAnUnknownMeasureIsRefusedNamingTheKnownMeasures() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("medicaid-ffs-p4p"),
                Map.of("bonusPerMemberMeetingMeasure", Map.of("ZZZ", "5", "CBP", "15.00")), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/bonusPerMemberMeetingMeasure/ZZZ", "is not a measure bonusPerMemberMeetingMeasure "
                                + "pays on: 'ZZZ' is not one of the known measure ids [AWV, BCS, CBP, COL, DSF, HBD-POOR]")));
        // The known ids are the measure catalogue's, the measures a quality clause scores.
        @SuppressWarnings("unchecked")
        Map<String, ?> catalogue = (Map<String, ?>) template("ma-capitation").parameter("measureGates").orElseThrow().valueIn(2025);
        assertThat(template("medicaid-ffs-p4p").parameter("bonusPerMemberMeetingMeasure").orElseThrow().allowedValues())
                .containsExactlyInAnyOrderElementsOf(catalogue.keySet());
    }

    /**
     * An outside tester's override {"HBD-POOR": higher-is-better, gates ["0.1"]} was accepted: 30 of 141 diabetics in
     * poor HbA1c control (21%) reached the gate and the composite was 100%. HBD-POOR is lower-is-better in the measure
     * catalogue; an override keeps a measure's direction.
     */
    @Test
    void anOverrideThatTurnsAMeasuresDirectionAroundIsRefusedAtThatDirection() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("ma-capitation"),
                Map.of("measureGates", Map.of("HBD-POOR", Map.of("direction", "higher-is-better", "gates", java.util.List.of("0.1")))), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/measureGates/HBD-POOR/direction", "higher-is-better turns HBD-POOR around: it is lower-is-better"
                                + " in the measure catalogue (contract-templates/parameters/quality/measure-gates.yaml), and a direction belongs to"
                                + " the measure, not to a contract")));
        // Its own direction, with gates of the override's choosing, stays negotiable.
        assertThat(TermsResolver.resolve(template("ma-capitation"),
                Map.of("measureGates", Map.of("HBD-POOR", Map.of("direction", "lower-is-better", "gates", java.util.List.of("0.25", "0.1")))), 2025)
                .clauses()).isNotEmpty();
    }

    /** Gates written the other way round for their direction earn the same points, but read as a reversed direction: refused at the gate. */
    @Test
    void gatesOutOfOrderForTheirDirectionAreRefusedAtTheFirstOutOfOrder() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("ma-capitation"),
                Map.of("measureGates", Map.of("CBP", Map.of("direction", "higher-is-better", "gates", java.util.List.of("0.9", "0.5")),
                        "HBD-POOR", Map.of("direction", "lower-is-better", "gates", java.util.List.of("0.1", "0.1", "0.2")))), 2025))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new InputProblem("/overrides/measureGates/CBP/gates/1", "0.5 is below gate 0 0.9: CBP is higher-is-better,"
                                + " so each gate is at or above the one before"),
                        new InputProblem("/overrides/measureGates/HBD-POOR/gates/2", "0.2 is above gate 1 0.1: HBD-POOR is"
                                + " lower-is-better, so each gate is at or below the one before")));
    }

    @Test
    void twoRungsMovedTogetherAreCheckedAsOneScale() {
        // Each edit alone would put the rungs out of order; together they keep them ascending.
        Terms terms = TermsResolver.resolve(template("ma-capitation"),
                Map.of("withholdReturnLadder[1].threshold", "0.90", "withholdReturnLadder[2].threshold", "0.95"), 2025);
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, BigDecimal>> rungs = (java.util.List<Map<String, BigDecimal>>) parameter(terms, "withhold", "withholdReturnLadder");
        assertThat(rungs).extracting(r -> r.get("threshold").toPlainString()).containsExactly("0.50", "0.90", "0.95");
    }

    @Test
    void aTermSetByRegulationIsNotOverriddenAndTheRefusalNamesItsSource() {
        assertThatThrownBy(() -> TermsResolver.resolve(template("mssp-aco-enhanced"),
                Map.of("sequestrationRate", "0", "performancePaymentLimit", "0.20", "maximumSharingRate", "0.70"), 2024))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(InputProblem::pointer)
                            .containsExactly("/overrides/performancePaymentLimit", "/overrides/sequestrationRate");
                    assertThat(e.problems()).extracting(InputProblem::reason).allMatch(r -> r.contains("is set by regulation and not negotiable ("));
                    assertThat(e.problems().get(1).reason()).startsWith("sequestrationRate is set by regulation")
                            .contains(template("mssp-aco-enhanced").parameter("sequestrationRate").orElseThrow().source());
                });
        assertThat(template("mssp-aco-enhanced").parameter("maximumSharingRate").orElseThrow().negotiable()).isTrue();
    }

    /**
     * F10: ma-capitation's withhold return ladder (none below 0.50, then half, three quarters and all at 0.50, 0.70 and
     * 0.85) with rung 1's rate at 0.40 returned 40% of the withhold at a score of 0.70 and 50% at 0.50 (P1 $24,960.00
     * instead of $46,800.00), and commercial-global-budget's bonus ladder with rung 2's rate at 0.01 paid 1% of the budget
     * at a composite of 0.80 and 4% at 0.70. Their concepts say a ladder's rate never falls from rung to rung: refused at
     * the rung's field, naming both rungs.
     */
    @Test
    void aRewardLadderWhoseRateFallsAsTheScoreRisesIsRefusedNamingBothRungs() {
        assertThat(problems(() -> TermsResolver.resolve(template("ma-capitation"), Map.of("withholdReturnLadder[1].rate", "0.4"), 2025)))
                .containsExactly(new InputProblem("/overrides/withholdReturnLadder[1].rate", "withholdReturnLadder with withholdReturnLadder[1].rate:"
                        + " rung 1's rate 0.4 (from threshold 0.70) is below rung 0's rate 0.50 (from threshold 0.50): withholdReturnLadder's rate"
                        + " never falls from one rung to the next in any contract of concept withhold (rules/payment/withhold.concept.yaml),"
                        + " so a higher rung never gives less"));
        assertThat(problems(() -> TermsResolver.resolve(template("commercial-global-budget"), Map.of("qualityBonusLadder[2].rate", "0.01"), 2026)))
                .extracting(InputProblem::pointer, InputProblem::reason).singleElement().satisfies(p -> assertThat(p.toList()).containsExactly(
                        "/overrides/qualityBonusLadder[2].rate", "qualityBonusLadder with qualityBonusLadder[2].rate: rung 2's rate 0.01"
                                + " (from threshold 0.80) is below rung 1's rate 0.04 (from threshold 0.70): qualityBonusLadder's rate never falls"
                                + " from one rung to the next in any contract of concept quality-bonus (rules/quality/quality-bonus.concept.yaml),"
                                + " so a higher rung never gives less"));
        // The whole ladder given: at the rung's field, each rung that falls.
        java.util.List<Map<String, String>> ladder = java.util.List.of(Map.of("threshold", "0.50", "rate", "0.50"),
                Map.of("threshold", "0.70", "rate", "0.40"), Map.of("threshold", "0.85", "rate", "0.30"));
        assertThat(problems(() -> TermsResolver.resolve(template("ma-capitation"), Map.of("withholdReturnLadder", ladder), 2025)))
                .extracting(InputProblem::pointer).containsExactly("/overrides/withholdReturnLadder/1/rate", "/overrides/withholdReturnLadder/2/rate");
    }

    /** A rung equal to the one before it gives no less; a corridor's shares fall outward, as corridors do. */
    @Test
    void aLadderThatStaysLevelAndCorridorSharesThatFallOutwardAreAccepted() {
        assertThat(parameter(TermsResolver.resolve(template("ma-capitation"), Map.of("withholdReturnLadder[1].rate", "0.50"), 2025),
                "withhold", "withholdReturnLadder")).asString().contains("rate=0.50}, {threshold=0.70, rate=0.50}");
        Terms corridor = TermsResolver.resolve(template("ma-capitation"), Map.of("corridorBands[1].ipaShareOfGains", "0.2",
                "corridorBands[2].ipaShareOfLosses", "0"), 2025);
        assertThat(parameter(corridor, "risk-corridor", "corridorBands")).asString().contains("ipaShareOfGains=0.2");
    }

    /** A run stored with a ladder that falls (accepted before this check) resolves as it ran, so it replays. */
    @Test
    void aStoredRunsLadderThatFallsResolvesAsItRan() {
        Terms replayed = TermsResolver.resolve(template("ma-capitation"), Map.of("withholdReturnLadder[1].rate", "0.4"), 2025,
                ParameterDeclaration.Checks.AS_STORED);
        assertThat(parameter(replayed, "withhold", "withholdReturnLadder")).asString().contains("{threshold=0.70, rate=0.4}");
    }

    private static java.util.List<InputProblem> problems(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) thrown).problems();
    }
}
