package org.accord.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.accord.store.Contract;
import org.accord.store.ContractVersion;
import org.accord.store.Publication;
import org.accord.terms.ClauseTemplate;
import org.accord.terms.ContractTemplate;
import org.accord.terms.TemplateCatalog;
import org.junit.jupiter.api.Test;

/**
 * The contract document of the ENHANCED template carries what a reviewer follows a loss back to:
 * the loss-rate rule verbatim below the paragraph of 42 CFR 425.610(f)(4)(i) it implements, the
 * minimum savings rate table as a table, and a golden case that settles the clause.
 */
class ContractDocumentTest {

    private static final ContractTemplate ENHANCED = TemplateCatalog.load().find("mssp-enhanced").orElseThrow();

    @Test
    void theEnhancedDocumentHasTheLossRateRuleWithItsParagraphTheMsrTableAndAGoldenCase() {
        String markdown = ContractDocument.of(ENHANCED, Map.of()).markdown();

        assertThat(markdown).startsWith("# Medicare Shared Savings Program, ENHANCED track (two-sided) (mssp-enhanced ");
        // The rule, verbatim, under the paragraph its file quotes above it.
        String rule = "rule \"With the quality standard met the shared loss rate is one less the maximum sharing rate scaled by quality, before its bounds\"";
        assertThat(markdown).contains("#### Rule \"With the quality standard met the shared loss rate is one less the maximum sharing rate scaled by quality, before its bounds\"");
        int paragraph = markdown.indexOf("> Cites: 42 CFR 425.610(f)(4)(i); docs/methodology/medicare-shared-savings-program.md\n"
                + "> \"If the ACO meets either the quality performance standard");
        assertThat(paragraph).isPositive();
        assertThat(markdown.indexOf("```drools\n" + rule)).isGreaterThan(paragraph);
        // The MSR table: 14 rows, the first [0..500) at 12.2%, its source marked unverified (425.604(b) starts at 5,000).
        assertThat(markdown).contains("### Decision table: `rules/payment/msr-by-assigned-population.dmn`");
        assertThat(markdown).contains("| row | Assigned beneficiaries | range start | range end | rate at range start | rate at range end | Source |");
        assertThat(markdown).contains("| 1 | [0..500) | 0 | 499 | 0.122 | 0.122 | Source unverified: not in 42 CFR 425.604(b), whose 2018 table starts at 5,000;");
        assertThat(markdown).contains("| 14 | ");
        // A golden case of this template, under its clause and with its derivation at the end.
        assertThat(markdown).contains("- `shared-losses/enhanced-loss-limit-binds.yaml`: ENHANCED track: losses of 50% of the benchmark");
        assertThat(markdown).contains("- 5,000,000 x 0.40 = 2,000,000.00 > limit 0.15 x 10,000,000 = 1,500,000.00: owed 1,500,000.00.");
        // Which clause feeds which: shared savings' savings and rates feed shared losses.
        assertThat(markdown).containsPattern("shared_savings -->\\|[^|]*Savings[^|]*\\| shared_losses");
        // A term set by regulation says so.
        assertThat(markdown).containsPattern("\\| `sequestrationRate` \\|[^\\n]*\\| no, set by regulation \\|");
    }

    @Test
    void theHtmlIsAPrintablePageWithTheSameTablesAndQuotes() {
        String html = ContractDocument.of(ENHANCED, Map.of()).html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print").endsWith("</html>\n");
        assertThat(html).contains("<td>[0..500)</td><td>0</td><td>499</td><td>0.122</td><td>0.122</td>");
        assertThat(html).contains("<blockquote><p>Cites: 42 CFR 425.610(f)(4)(i); docs/methodology/medicare-shared-savings-program.md")
                .contains("&quot;If the ACO meets either the quality performance standard");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void aChangedTermIsShownBesideTheTemplatesValue() {
        String markdown = ContractDocument.of(ENHANCED, Map.of("electedMinimumSavingsRate", "0.01")).markdown();

        assertThat(markdown).contains("| `electedMinimumSavingsRate` | 0.01 | 0.02 |");
        assertThat(markdown).contains("| `electedMinimumSavingsRate` | **0.01** (changed; template: 0.02) |");
    }

    @Test
    void aTermSetByRegulationOrUnknownIsRefusedNamingIt() {
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("sequestrationRate", "0")))
                .hasMessageStartingWith("sequestrationRate is set by regulation");
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("noSuchTerm", "1")))
                .hasMessage("template mssp-enhanced has no term 'noSuchTerm'");
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, Map.of("electedMinimumSavingsRate", "0.5")))
                .hasMessageStartingWith("electedMinimumSavingsRate: 0.5 is above the maximum 0.02");
    }

    /** A document shows what an evaluation would settle, so it refuses what evaluate refuses (found by trying the command line). */
    @Test
    void rungsBeyondTheScaleOrOutOfOrderAreRefusedAsAnEvaluationRefusesThem() {
        ContractTemplate capitation = TemplateCatalog.load().find("ma-capitation").orElseThrow();
        // The ladder has three rungs, 0 to 2 (0.50, 0.70, 0.85).
        assertThatThrownBy(() -> ContractDocument.of(capitation, Map.of("withholdReturnLadder[3].threshold", "0.95")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withholdReturnLadder[3].threshold: withholdReturnLadder has 3 rungs, numbered 0 to 2");
        // Rung 0 moved above rung 1's 0.70: the thresholds no longer rise.
        assertThatThrownBy(() -> ContractDocument.of(capitation, Map.of("withholdReturnLadder[0].threshold", "0.80")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withholdReturnLadder[0].threshold: ");
        assertThat(ContractDocument.of(capitation, Map.of("withholdReturnLadder[0].threshold", "0.55")).markdown())
                .contains("**0.55** (changed; template: 0.50)");
    }

    private static final Contract VALLEY = new Contract("c-1", "valley-ipa", "Medicare Shared Savings Program", "mssp-enhanced",
            Instant.parse("2026-01-05T09:00:00Z"), "key:negotiator");

    private static ContractVersion version(ContractTemplate template, String overrides, String from, String to) {
        return new ContractVersion("v-2", "c-1", 2, "Our counter", "proposal", template.id(), template.contentHash(), overrides,
                LocalDate.parse(from), LocalDate.parse(to), "sha256:feed", Instant.parse("2026-01-06T10:00:00Z"), "key:negotiator");
    }

    /**
     * A version an amendment published after it replaces from July names the amendment and its days in its publication row
     * (it said only that "a version published later for the same days takes their place", whether one had or not).
     */
    @Test
    void aVersionSupersededFromADayNamesTheVersionThatSupersedesItAndFromWhichDay() {
        ContractVersion signed = new ContractVersion("v-1", "c-1", 1, "Signed", "contract", ENHANCED.id(), ENHANCED.contentHash(), "{}",
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), "sha256:one", Instant.parse("2026-01-06T10:00:00Z"), "key:negotiator");
        ContractVersion july = new ContractVersion("v-3", "c-1", 3, "July amendment", "amendment", ENHANCED.id(), ENHANCED.contentHash(),
                "{}", LocalDate.parse("2025-07-01"), LocalDate.parse("2025-12-31"), "sha256:three", Instant.parse("2026-01-08T10:00:00Z"),
                "key:negotiator");
        List<Publication> latestFirst = List.of(
                new Publication(9, "c-1", "v-3", Instant.parse("2026-02-01T12:00:00Z"), "key:admin"),
                new Publication(8, "c-1", "v-1", Instant.parse("2026-01-20T12:00:00Z"), "key:admin"));

        String ofSigned = ContractDocument.of(ENHANCED, VALLEY, signed, Map.of(), List.of(signed, july), latestFirst).markdown();
        String ofJuly = ContractDocument.of(ENHANCED, VALLEY, july, Map.of(), List.of(signed, july), latestFirst).markdown();

        assertThat(ofSigned).contains("| published | yes, on 2026-01-20 by key:admin (publication 8); superseded by version 3 (`v-3`)"
                + " from 2025-07-01 to 2025-12-31, published after it for those days |");
        assertThat(ofJuly).contains("| published | yes, on 2026-02-01 by key:admin (publication 9); a version published later for the"
                + " same days takes their place |");
    }

    @Test
    void aStoredVersionIsHeadedByItsContractAndShowsTheValuesInForceOverItsPeriodBesideTheTemplates() {
        ContractVersion version = version(ENHANCED, "{\"electedMinimumSavingsRate\": 0.01}", "2022-07-01", "2023-06-30");
        List<Publication> publications = List.of(
                new Publication(7, "c-1", "v-2", Instant.parse("2026-02-01T12:00:00Z"), "key:admin"),
                new Publication(5, "c-1", "v-1", Instant.parse("2026-01-20T12:00:00Z"), "key:admin"),
                new Publication(3, "c-1", "v-2", Instant.parse("2026-01-10T12:00:00Z"), "key:admin"));
        String markdown = ContractDocument.of(ENHANCED, VALLEY, version, Map.of("electedMinimumSavingsRate", new BigDecimal("0.01")),
                publications).markdown();

        assertThat(markdown).startsWith("# Contract of valley-ipa with Medicare Shared Savings Program, version 2 (Our counter)\n");
        assertThat(markdown).contains("| IPA | valley-ipa |", "| payer | Medicare Shared Savings Program |",
                "| version | 2: Our counter (proposal), `v-2` |",
                // 2022-07-01 to 2023-06-30 touches performance years 2022 and 2023.
                "| effective | 2022-07-01 to 2023-06-30 (performance years 2022 to 2023) |",
                "| versionHash | `sha256:feed` |",
                // Publications 7 and 3 are of this version (5 is of v-1); the latest, 7, is shown.
                "| published | yes, on 2026-02-01 by key:admin (publication 7, the latest of 2 of this version);");
        assertThat(markdown).contains("**Template:** Medicare Shared Savings Program, ENHANCED track (two-sided) (mssp-enhanced "
                + ENHANCED.version() + "). **Payer:** Medicare (CMS).");
        // The override: 0.01 in force, the template's 0.02 (its single value) beside it, in both tables.
        assertThat(markdown).contains("## Terms this version changes\n\n| term | value in force | template's value |\n|---|---|---|\n"
                + "| `electedMinimumSavingsRate` | 0.01 | 0.02 |\n");
        assertThat(markdown).contains("| `electedMinimumSavingsRate` | **0.01** (changed; template: 0.02) |");
        // The template's alternative quality standard is not-assessed from 2012 and assessed from 2023:
        // in 2022 the 2012 value is in force, in 2023 the 2023 one; no other year of the template is shown.
        assertThat(markdown).contains("| `alternativeQualityStandard` | performance year 2022: not-assessed; performance year 2023: assessed |");
        // A term not overridden shows its single value, unmarked.
        assertThat(markdown).contains("| `maximumSharingRate` | 0.75 |");
    }

    /**
     * Found from outside (probe 3, F12): a commercial-global-budget version effective 2025-07-01 to 2026-06-30 showed
     * budgetPmpm "from 2025: 1020.00; from 2026: 1055.00" under "the value in force over the version's effective
     * period", which reads as July to December at 1,020 and January to June at 1,055; a settlement of the period uses
     * one year's value for every day, the year its facts name. The document says so, and which value each year's is.
     */
    @Test
    void aVersionAcrossTwoPerformanceYearsSaysASettlementUsesItsPerformanceYearsValueOnEveryDay() {
        ContractTemplate budget = TemplateCatalog.load().find("commercial-global-budget").orElseThrow();
        ContractVersion version = version(budget, "{}", "2025-07-01", "2026-06-30");
        String markdown = ContractDocument.of(budget, VALLEY, version, Map.of(), List.of()).markdown();

        assertThat(markdown).contains("| `budgetPmpm` | performance year 2025: 1020.00; performance year 2026: 1055.00 |")
                .doesNotContain("from 2025: 1020.00");
        assertThat(markdown).contains("but a settlement does not change value within its period: it settles every day at the values"
                + " of its performance year (the facts' `performanceYear`), so a settlement of 2025-07-01 to 2026-06-30 as performance"
                + " year 2025 settles all its days at 2025's values and as performance year 2026 at 2026's, and a finding of the"
                + " settlement names each value the other part of its period would have had.");
    }

    @Test
    void aVersionOfOneYearShowsTheOneValueInForceAndAnUnpublishedOneSaysSo() {
        ContractVersion version = version(ENHANCED, "{}", "2025-01-01", "2025-12-31");
        String markdown = ContractDocument.of(ENHANCED, VALLEY, version, Map.of(), List.of()).markdown();

        // 2025 is after 2023: assessed, with no year beside it.
        assertThat(markdown).contains("| `alternativeQualityStandard` | assessed |");
        assertThat(markdown).contains("| effective | 2025-01-01 to 2025-12-31 (performance year 2025) |");
        assertThat(markdown).contains("| published | no: this proposal is not the contract in force for any day |");
        assertThat(markdown).contains("this version changes none of the template's terms.").doesNotContain("## Terms this version changes");
    }

    @Test
    void aChangedCorridorEdgeOrLadderRungIsShownInItsTableBesideTheTemplates() {
        ContractTemplate capitation = TemplateCatalog.load().find("ma-capitation").orElseThrow();
        Contract contract = new Contract("c-1", "valley-ipa", "Humana MA", "ma-capitation", Instant.parse("2026-01-05T09:00:00Z"), "key:negotiator");
        ContractVersion version = version(capitation, "{}", "2025-01-01", "2025-12-31");
        String markdown = ContractDocument.of(capitation, contract, version,
                Map.of("corridorBands[1].ipaShareOfLosses", "0.40", "withholdReturnLadder[0].threshold", "0.55"), List.of()).markdown();

        // The template's bands: {0, 1.00, 1.00}, {0.02, 0.50, 0.50}, {0.05, 0.20, 0.20}; band 1's loss share 0.50 becomes 0.40.
        assertThat(markdown).contains("| rung (`corridorBands[n]`) | threshold | ipaShareOfGains | ipaShareOfLosses |\n|---|---|---|---|\n"
                + "| 0 | 0 | 1.00 | 1.00 |\n| 1 | 0.02 | 0.50 | **0.40** (changed; template: 0.50) |\n| 2 | 0.05 | 0.20 | 0.20 |\n");
        // The ladder's rungs: {0.50, 0.50}, {0.70, 0.75}, {0.85, 1}; rung 0's threshold 0.50 becomes 0.55.
        assertThat(markdown).contains("| rung (`withholdReturnLadder[n]`) | threshold | rate |\n|---|---|---|\n"
                + "| 0 | **0.55** (changed; template: 0.50) | 0.50 |\n| 1 | 0.70 | 0.75 |\n| 2 | 0.85 | 1 |\n");
        assertThat(markdown).contains("| `corridorBands[1].ipaShareOfLosses` | 0.40 | 0.50 |", "| `withholdReturnLadder[0].threshold` | 0.55 | 0.50 |");
    }

    /**
     * A version changing terms a clause's text names (the withhold ladder's rungs, the corridor's bands) does not
     * present the template's numbers as its words: the description and the text are marked as the template's, and
     * right under the text the changes are stated (found from outside: the ladder quoted "none below 0.50, then
     * half, three quarters and all at 0.50, 0.70 and 0.85" for a version returning a quarter from 0.90).
     */
    @Test
    void aClauseTextWhoseTermsTheVersionChangesIsMarkedAsTheTemplatesWithTheChangesUnderIt() {
        ContractTemplate capitation = TemplateCatalog.load().find("ma-capitation").orElseThrow();
        Contract contract = new Contract("c-1", "valley-ipa", "Humana MA", "ma-capitation", Instant.parse("2026-01-05T09:00:00Z"), "key:negotiator");
        ContractVersion version = version(capitation, "{}", "2025-01-01", "2025-12-31");
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        Map<String, Object> rung = new java.util.LinkedHashMap<>();
        rung.put("threshold", "0.9");
        rung.put("rate", "0.25");
        overrides.put("withholdReturnLadder", List.of(rung));
        overrides.put("corridorBands[0].ipaShareOfGains", "0.1");
        ContractDocument document = ContractDocument.of(capitation, contract, version, overrides, List.of());
        String markdown = document.markdown();

        assertThat(markdown).contains(capitation.description() + "\n\n**The template's description**, in the template's terms: where it "
                + "names a value of a term this version changes, the value this version settles with is in the table below.\n\n"
                + "## Terms this version changes\n");
        String withhold = capitation.clauses().stream().filter(c -> c.id().equals("withhold")).findFirst().orElseThrow().text().strip();
        assertThat(withhold).contains("none below 0.50, then half, three quarters and all at 0.50, 0.70 and 0.85");
        assertThat(markdown).contains("> " + withhold.replace("\n", "\n> ") + "\n>\n> — the template's text, in the template's terms; ");
        assertThat(markdown).contains("\n\n**This version changes terms of this clause**, so where the text above names their values, "
                + "they are the template's: `withholdReturnLadder` is rung 0: threshold 0.9, rate 0.25 (the template's: "
                + "rung 0: threshold 0.50, rate 0.50; rung 1: threshold 0.70, rate 0.75; rung 2: threshold 0.85, rate 1).\n");
        assertThat(markdown).contains("they are the template's: `corridorBands[0].ipaShareOfGains` is 0.1 (the template's: 1.00).\n");
        // A clause none of whose terms the version changes is quoted as it is.
        ClauseTemplate capitationClause = capitation.clauses().stream().filter(c -> c.id().equals("capitation")).findFirst().orElseThrow();
        assertThat(markdown).contains("> — " + capitationClause.source() + "\n");
        assertThat(markdown.split("This version changes terms of this clause", -1)).hasSize(3);

        String html = document.html();
        assertThat(html).contains("<footer>— the template's text, in the template's terms; ")
                .contains("<strong>This version changes terms of this clause</strong>, so where the text above names their values")
                .contains("<p><strong>The template's description</strong>, in the template's terms");
    }

    /**
     * The document says the years a template settles where its text bounds them, the first as well as the last (ENHANCED,
     * from 2019, said nothing), the year from which a term the regulation set becomes negotiable, and the measure directions
     * the rules read from the template's text (never said before).
     */
    @Test
    void aTemplatesDocumentSaysTheYearsItSettlesAndTheMeasureDirectionsItsRulesRead() {
        TemplateCatalog catalog = TemplateCatalog.load();
        assertThat(ContractDocument.of(catalog.find("mssp-aco-enhanced").orElseThrow(), Map.of()).markdown())
                .contains(" **Performance years:** from 2019 (its last values carry on).");
        assertThat(ContractDocument.of(catalog.find("mssp-aco-track-3").orElseThrow(), Map.of()).markdown())
                .contains(" **Performance years:** 2016 to 2021 (an earlier or a later year is refused).");
        String track2 = ContractDocument.of(catalog.find("mssp-aco-track-2").orElseThrow(), Map.of()).markdown();
        assertThat(track2.lines()).anySatisfy(line -> assertThat(line).startsWith("| `electedMinimumSavingsRate` |")
                .contains("| from 2016 (set by regulation before) |"));
        String p4p = ContractDocument.of(catalog.find("medicaid-ffs-p4p").orElseThrow(), Map.of()).markdown();
        assertThat(p4p).doesNotContain("**Performance years:**").contains("**Measure directions** (recorded in the template's text and"
                + " read by its rules): ").contains("CBP higher-is-better").contains("HBD-POOR lower-is-better");
    }

    /**
     * The document and an evaluation agree on a term the regulation set before a year: Track 2's elected minimum savings
     * rate of 1%, which an evaluation settles from 2016 and refuses for 2014, was refused by the document for 2012 (it
     * checked every year some value took effect as if the change applied to it), and so was any change under a template
     * whose years end (Track 1's minimum quality score, for 2023, after the track's last year). The document now shows
     * the change from the year it applies, says an earlier year's evaluation refuses it, and checks only the years the
     * template settles.
     */
    @Test
    void aTermNegotiableFromAYearIsShownChangedFromThatYearAsAnEvaluationSettlesIt() {
        TemplateCatalog catalog = TemplateCatalog.load();
        ContractTemplate track2 = catalog.find("mssp-aco-track-2").orElseThrow();
        Map<String, String> elected = Map.of("electedMinimumSavingsRate", "0.01");

        String markdown = ContractDocument.of(track2, elected).markdown();

        String appliesFrom = " from performance year 2016 (before it the regulation's value stands, which no contract changes: an"
                + " evaluation of an earlier year with this change is refused)";
        assertThat(markdown).contains("| `electedMinimumSavingsRate` | 0.01" + appliesFrom + " | 0.02 |")
                .contains("| `electedMinimumSavingsRate` | **0.01**" + appliesFrom + " (changed; template: 0.02) |");
        assertThatThrownBy(() -> org.accord.terms.TermsResolver.resolve(track2, elected, 2014))
                .hasMessageContaining("electedMinimumSavingsRate is set by regulation for performance year 2014 at 0.02")
                .hasMessageContaining("negotiable only from 2016: 0.01 cannot replace it");
        assertThat(org.accord.terms.TermsResolver.resolve(track2, elected, 2016).overrides())
                .containsEntry("electedMinimumSavingsRate", new BigDecimal("0.01"));
        // From 2016 on the change is checked as an evaluation checks it.
        assertThatThrownBy(() -> ContractDocument.of(track2, Map.of("electedMinimumSavingsRate", "0.012")))
                .hasMessageContaining("0.012 is not one of the values");
        // A term negotiable in every year says nothing of years.
        assertThat(ContractDocument.of(track2, Map.of("minimumQualityScore", "0.10")).markdown())
                .contains("| `minimumQualityScore` | 0.10 | 0.00 |").doesNotContain(appliesFrom);
        assertThat(ContractDocument.of(catalog.find("mssp-aco-track-1").orElseThrow(), Map.of("minimumQualityScore", "0.10")).markdown())
                .contains("| `minimumQualityScore` | **0.10** (changed; template: 0.00) |");
    }

    @Test
    void aTemplatesDocumentWithChangedTermsMarksTheTextItChanges() {
        ContractTemplate capitation = TemplateCatalog.load().find("ma-capitation").orElseThrow();
        String markdown = ContractDocument.of(capitation, Map.of("withholdReturnLadder[2].threshold", "0.90")).markdown();

        assertThat(markdown).contains("where it names a value of a term this document changes, the value this document settles with");
        assertThat(markdown).contains("**This document changes terms of this clause**, so where the text above names their values, "
                + "they are the template's: `withholdReturnLadder[2].threshold` is 0.90 (the template's: 0.85).");
        assertThat(ContractDocument.of(capitation, Map.of()).markdown()).doesNotContain("the template's text, in the template's terms")
                .doesNotContain("The template's description**, in the template's terms");
    }

    @Test
    void aVersionIsShownOnlyOnTheTemplateItWasMadeOn() {
        ContractVersion version = new ContractVersion("v-2", "c-1", 2, "Our counter", "proposal", "mssp-enhanced", "sha256:older", "{}",
                LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), "sha256:feed", Instant.parse("2026-01-06T10:00:00Z"), "key:negotiator");
        assertThatThrownBy(() -> ContractDocument.of(ENHANCED, VALLEY, version, Map.of(), List.of()))
                .hasMessageStartingWith("version v-2 of contract c-1 was made on template mssp-enhanced sha256:older, not on mssp-enhanced sha256:");
    }
    @Test
    void eachParameterSaysWhatItsTemplateAndItsConceptLetItTakeAndEachClauseItsConstraints() {
        String markdown = ContractDocument.of(ENHANCED, Map.of()).markdown();

        assertThat(markdown).contains("| parameter | value | unit | type | allowed | concept allows | negotiable | what it does | source |");
        // The elections 42 CFR 425.605(b)(2) offers, which the concept holds every contract to, beside the template's range.
        assertThat(markdown).containsPattern("\\| `electedMinimumSavingsRate` \\| 0.02 \\| rate \\| rate \\| 0 to 0.02 \\| "
                + "0, 0.005, 0.01, 0.015 or 0.02 only \\| yes \\|");
        assertThat(markdown).containsPattern("\\| `maximumSharingRate` \\| 0.75 \\| rate \\| rate \\| 0 to 1 \\| 0 to 1, a share of a whole \\|");
        // A choice takes its words; its concept sets it no limits.
        assertThat(markdown).containsPattern("\\| `minimumSavingsRateBasis` \\| elected \\| word \\| choice \\| population, elected \\|  \\|");
        assertThat(markdown).contains("An override must lie within **allowed** (the template's range or values) and **concept allows** "
                + "(what any contract of concept `shared-savings` may mean, as `rules/payment/shared-savings.concept.yaml` declares it, "
                + "which bounds every template too); one outside them is refused.");
        assertThat(markdown).contains("**Constraints** the terms must keep together: `memberMonthsWeight`, `qualityWeight` and "
                + "`costPerformanceWeight` add up to exactly 1 (shares of one whole) (required of every clause of concept `distribution`); "
                + "`costPerformanceTarget` names a clause of the same template, or none.");
        assertThat(markdown).contains("**Constraints** the terms must keep together: `minimumLossSharingRate` and `maximumLossSharingRate` "
                + "are in ascending order (each at most the next) (required of every clause of concept `shared-losses`).");

        String html = ContractDocument.of(ENHANCED, Map.of()).html();
        assertThat(html).contains("<td><code>electedMinimumSavingsRate</code></td><td>0.02</td><td>rate</td><td>rate</td><td>0 to 0.02</td>"
                + "<td>0, 0.005, 0.01, 0.015 or 0.02 only</td>");
    }

    @Test
    void aScalesRungFieldsAreBoundedInTheContractOfAVersionToo() {
        ContractTemplate capitation = TemplateCatalog.load().find("ma-capitation").orElseThrow();
        ContractVersion version = version(capitation, "{}", "2025-01-01", "2025-12-31");
        Contract contract = new Contract("c-1", "valley-ipa", "Medicare Advantage plan", "ma-capitation",
                Instant.parse("2026-01-05T09:00:00Z"), "key:negotiator");

        String markdown = ContractDocument.of(capitation, contract, version, Map.of(), List.of()).markdown();

        assertThat(markdown).containsPattern("\\| `corridorBands` \\| see the table below \\|[^\\n]*\\| 0 to 1 \\| "
                + "each rung's ipaShareOfGains and ipaShareOfLosses 0 to 1, shares of a whole \\|");
        assertThat(markdown).containsPattern("\\| `withholdReturnLadder` \\| see the table below \\|[^\\n]*\\| each rung's rate 0 to 1, "
                + "a share of a whole; rate never falls from one rung to the next \\|");
    }
}
