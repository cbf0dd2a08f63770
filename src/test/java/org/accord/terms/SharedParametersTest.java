package org.accord.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.accord.content.ClasspathFolder;
import org.accord.content.ContentHash;
import org.accord.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Templates that include shared parameter files or extend another template resolve to exactly the
 * terms they resolved to when each was a whole copy.
 */
class SharedParametersTest {

    /**
     * Pinned from main's self-contained template files before any of them included or extended
     * another: per template, the fingerprint of its whole declaration (clauses, texts, parameters
     * with every value by year; the file hash left out) and the terms hash for every year 2016-2027
     * ("none" where the template has no value for that year). Since re-pinned where a template's declaration changed on
     * purpose: mssp-aco-track-2's minimum savings rate basis, flat before 2016 (its terms in 2016-2027 unchanged); the MSSP
     * ACO templates' version 3 (their first performance year given; with version "2" every pin held as before, so the
     * version in the terms is all that moved); mssp-aco-track-2 version 4, its rate and basis negotiable from 2016 only. The global budgets' description
     * says three years, not five (commercial-global-budget 2025.5, its stop-loss extension 2026.2). mssp-basic 2025.6 and
     * mssp-enhanced 2025.5 give their first performance year, 2019 (with their earlier versions every pin held as before, so
     * the version in the terms is all that moved). mssp-basic 2025.7 and mssp-enhanced 2025.6 key sharingRateBasis by year
     * (quality-scaled from 2019, maximum-when-standard-met from 2021, 42 CFR 425.605(d), 425.610(d)): no value before 2019,
     * so "none" there, and every year's terms moved with the parameter's values, description and source.
     */
    private static final Path PINNED = Path.of("src/test/resources/terms/before-shared-parameters.tsv");

    private final TemplateCatalog catalog = TemplateCatalog.load();

    @Test
    void everyShippedTemplateResolvesToTheTermsItHadBeforeItsParametersWereShared() throws IOException {
        StringBuilder now = new StringBuilder();
        for (ContractTemplate template : catalog.all()) {
            now.append(template.id()).append("\tdeclaration\t").append(declarationFingerprint(template)).append('\n');
            for (int year = 2016; year <= 2027; year++) {
                String hash;
                try {
                    hash = TermsResolver.resolve(carryingOn(template), Map.of(), year).hash();
                } catch (InvalidInputException e) {
                    hash = "none";
                }
                now.append(template.id()).append('\t').append(year).append('\t').append(hash).append('\n');
            }
        }
        Path written = Path.of("target/terms-now.tsv");
        Files.writeString(written, now, StandardCharsets.UTF_8);
        assertThat(now.toString()).as("compare " + written + " with " + PINNED)
                .isEqualTo(Files.readString(PINNED, StandardCharsets.UTF_8));
    }

    @Test
    void aStoredTemplateTextIsSelfContainedSoReplayNeedsNoIncludedFile() {
        byte[] stored = TemplateCatalog.shippedTexts().get("commercial-global-budget-stop-loss.yaml");
        ContractTemplate shipped = catalog.find("commercial-global-budget-stop-loss").orElseThrow();
        ContractTemplate replayed = TemplateCatalog.ofFile("stored template", stored).find(shipped.id()).orElseThrow();

        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("extends", "include", "after:")
                .contains("attachmentPoint", "measureGates", "HBD-POOR");
        assertThat(shipped.contentHash()).isEqualTo(ContentHash.of(stored));
        assertThat(replayed).isEqualTo(shipped);
        // Every shipped template, composed or not, reads back whole from its stored text alone.
        TemplateCatalog.shippedTexts().forEach((path, text) -> {
            ContractTemplate loaded = catalog.find(path.substring(0, path.length() - ".yaml".length())).orElseThrow();
            assertThat(TemplateCatalog.ofFile("stored " + path, text).find(loaded.id())).as(path).contains(loaded);
        });
        // The measure directions a template includes are the catalogue's, written out in its stored text.
        String p4p = new String(TemplateCatalog.shippedTexts().get("medicaid-ffs-p4p.yaml"), StandardCharsets.UTF_8);
        assertThat(p4p).doesNotContain("include").contains("measureDirections", "HBD-POOR: \"lower-is-better\"");
        assertThat(catalog.find("medicaid-ffs-p4p").orElseThrow().measureDirections())
                .containsEntry("HBD-POOR", MeasureCatalogue.LOWER_IS_BETTER).containsEntry("CBP", MeasureCatalogue.HIGHER_IS_BETTER)
                .containsOnlyKeys(MeasureCatalogue.measureIds());
        // A template that shares nothing (every shipped one now includes or extends) is stored as its file's own bytes.
        String own = new String(ClasspathFolder.read(TemplateCatalog.FOLDER).get("medicaid-ffs-p4p.yaml"), StandardCharsets.UTF_8)
                .replace("measureDirections: {include: quality/measure-gates}", "measureDirections: {HBD-POOR: lower-is-better}");
        assertThat(own).doesNotContain("include:");
        assertThat(TemplateComposition.selfContained("own.yaml", shippedFolderWith(Map.of("own.yaml", own))))
                .isEqualTo(own.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theValueInForceOnThePerformanceYearsFirstDayApplies() {
        Map<String, byte[]> folder = shippedFolderWith(Map.of(
                "parameters/test/reserve-rate.yaml", """
                        type: rate
                        unit: rate
                        description: Share of a positive pool held in reserve.
                        source: "IPA participation agreement, amended 1 July 2025"
                        minimum: "0"
                        maximum: "0.5"
                        values:
                          2024-01-01: "0.05"
                          2025-07-01: "0.06"
                          2026-03-01: "0.07"
                          2026-10-01: "0.08"
                        """,
                "dated.yaml", """
                        extends: commercial-global-budget
                        id: dated
                        version: "1"
                        clauses:
                          - id: distribution
                            parameters:
                              reserveRate: {include: test/reserve-rate}
                        """));

        ParameterDeclaration reserveRate = read("dated.yaml", folder).parameter("reserveRate").orElseThrow();

        // 2025-07-01 is after 2025's first day: 2025 keeps 0.05. Of two dates within 2026, the later is in force on 2027-01-01.
        assertThat(reserveRate.valueIn(2024)).isEqualTo(new BigDecimal("0.05"));
        assertThat(reserveRate.valueIn(2025)).isEqualTo(new BigDecimal("0.05"));
        assertThat(reserveRate.valueIn(2026)).isEqualTo(new BigDecimal("0.06"));
        assertThat(reserveRate.valueIn(2027)).isEqualTo(new BigDecimal("0.08"));
        assertThat(reserveRate.source()).isEqualTo("IPA participation agreement, amended 1 July 2025");
        // The other clauses are the base template's, in its order.
        assertThat(read("dated.yaml", folder).clauses()).extracting(ClauseTemplate::id)
                .containsExactlyElementsOf(catalog.find("commercial-global-budget").orElseThrow().clauses().stream().map(ClauseTemplate::id).toList());
    }

    @Test
    void aMissingSharedFileOrBaseTemplateIsNamed() {
        Map<String, byte[]> folder = shippedFolderWith(Map.of(
                "no-file.yaml", """
                        extends: commercial-global-budget
                        id: no-file
                        version: "1"
                        clauses:
                          - id: distribution
                            parameters:
                              reserveRate: {include: quality/reserve-rate}
                        """,
                "no-base.yaml", "extends: global-budget\nid: no-base\nversion: \"1\"\n",
                "misplaced.yaml", """
                        extends: commercial-global-budget
                        id: misplaced
                        version: "1"
                        clauses:
                          - {id: extra, after: no-such-clause}
                        """));

        assertThatThrownBy(() -> read("no-file.yaml", folder)).hasMessageContaining(
                "contract-templates/no-file.yaml clause distribution parameter reserveRate: includes 'quality/reserve-rate',"
                        + " but there is no contract-templates/parameters/quality/reserve-rate.yaml");
        assertThatThrownBy(() -> read("no-base.yaml", folder))
                .hasMessageContaining("contract-templates/no-base.yaml: extends 'global-budget', which is no template in contract-templates/");
        assertThatThrownBy(() -> read("misplaced.yaml", folder))
                .hasMessageContaining("contract-templates/misplaced.yaml clause extra: after 'no-such-clause', which is no clause of the base template");
    }

    private static Map<String, byte[]> shippedFolderWith(Map<String, String> files) {
        Map<String, byte[]> folder = new TreeMap<>(ClasspathFolder.read(TemplateCatalog.FOLDER));
        files.forEach((path, text) -> folder.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return folder;
    }

    private static ContractTemplate read(String path, Map<String, byte[]> folder) {
        return TemplateCatalog.read(path, TemplateComposition.selfContained(path, folder), TemplateCatalog.schema(folder.get(TemplateCatalog.SCHEMA)));
    }

    /**
     * Everything a template declares but the hash of the file it came from. The measure directions a template records are
     * written only when it records any, so a template that records none keeps the fingerprint pinned before templates could.
     */
    private static String declarationFingerprint(ContractTemplate template) {
        ContractTemplate withoutFileHash = new ContractTemplate(template.id(), template.version(), template.name(), template.payer(),
                template.description(), template.source(), template.clauses(), "", template.decisionTables(), template.measureDirections(), null, null);
        // The pins were made before a template could name its first or last performance year: the record's text had no such fields.
        // Nor a parameter the year it became negotiable.
        String declared = withoutFileHash.toString().replace(", firstPerformanceYear=null, lastPerformanceYear=null]", "]")
                .replace(", negotiableFrom=null]", "]");
        return ContentHash.of(template.measureDirections().isEmpty() ? declared.replace(", measureDirections={}]", "]") : declared);
    }

    /**
     * The template with its last values carrying on, as every template's did when the pins were made: a year after the
     * last it now settles is refused (TermsResolverTest), its terms as they resolved then still pinned here.
     */
    private static ContractTemplate carryingOn(ContractTemplate template) {
        return new ContractTemplate(template.id(), template.version(), template.name(), template.payer(), template.description(),
                template.source(), template.clauses(), template.contentHash(), template.decisionTables(), template.measureDirections(), null, null);
    }
}
