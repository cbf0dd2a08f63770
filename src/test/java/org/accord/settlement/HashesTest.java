package org.accord.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.accord.evaluation.ContractChoice;
import org.accord.evaluation.EvaluationService;
import org.accord.facts.PerformanceFacts;
import org.accord.io.Json;
import org.accord.testing.Engine;
import org.junit.jupiter.api.Test;

/**
 * The hashes a settlement carries, recomputed here from docs/hashes.md alone: the canonical text is
 * written out by hand, and SHA-256 is taken with the JDK, not with Accord's code.
 */
class HashesTest {

    private final EvaluationService service = Engine.service();

    // Practices out of id order, measures out of id order, decimals with trailing zeros, an absent
    // feeScheduleAllowedAmount (zero) and an empty measure list (left out).
    private static final String TINY = """
            {"ipa": {"id": "tiny", "name": "Tiny IPA"},
             "period": {"performanceYear": 2025, "start": "2025-01-01", "end": "2025-12-31", "benchmarkExpenditure": "1000.00"},
             "practices": [
               {"id": "B", "name": "Practice B", "attributedMembers": 5, "memberMonths": 60, "averageRiskScore": "0.90",
                "totalCostOfCare": "400.00", "visits": 2, "annualWellnessVisits": 1, "edVisits": 0, "inpatientAdmissions": 0,
                "qualityMeasures": []},
               {"id": "A", "name": "Practice A", "attributedMembers": 10, "memberMonths": 120, "averageRiskScore": "1.0",
                "totalCostOfCare": "550.50", "feeScheduleAllowedAmount": "12.30", "visits": 3, "annualWellnessVisits": 0,
                "edVisits": 1, "inpatientAdmissions": 0,
                "qualityMeasures": [{"measureId": "COL", "numerator": 4, "denominator": 8, "exclusions": 0},
                                    {"measureId": "CBP", "numerator": 6, "denominator": 9, "exclusions": 1}]}]}
            """;

    /** TINY's canonical text, written from docs/hashes.md: members sorted, numbers shortest, empty left out. */
    private static final String TINY_CANONICAL = "{\"ipa\":{\"id\":\"tiny\",\"name\":\"Tiny IPA\"},"
            + "\"period\":{\"benchmarkExpenditure\":1000,\"end\":\"2025-12-31\",\"performanceYear\":2025,\"start\":\"2025-01-01\"},"
            + "\"practices\":[{\"annualWellnessVisits\":0,\"attributedMembers\":10,\"averageRiskScore\":1,\"edVisits\":1,"
            + "\"feeScheduleAllowedAmount\":12.3,\"id\":\"A\",\"inpatientAdmissions\":0,\"memberMonths\":120,\"name\":\"Practice A\","
            + "\"qualityMeasures\":[{\"denominator\":9,\"exclusions\":1,\"measureId\":\"CBP\",\"numerator\":6},"
            + "{\"denominator\":8,\"exclusions\":0,\"measureId\":\"COL\",\"numerator\":4}],\"totalCostOfCare\":550.5,\"visits\":3},"
            + "{\"annualWellnessVisits\":1,\"attributedMembers\":5,\"averageRiskScore\":0.9,\"edVisits\":0,"
            + "\"feeScheduleAllowedAmount\":0,\"id\":\"B\",\"inpatientAdmissions\":0,\"memberMonths\":60,\"name\":\"Practice B\","
            + "\"totalCostOfCare\":400,\"visits\":2}]}";

    @Test
    void theFactsHashIsTheSha256OfTheDocumentedCanonicalText() {
        Settlement settlement = service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), Json.readFacts(bytes(TINY)));

        assertThat(settlement.factsHash()).isEqualTo(sha256(TINY_CANONICAL))
                // printf '%s' "$TINY_CANONICAL" | sha256sum
                .isEqualTo("sha256:2f8607a2f51b12a8ae852d27af10c51527ae63339bb740f78d907237305067bf");
    }

    @Test
    void equalFactsHashEquallyWhateverTheirOrderOrTheSpellingOfTheirNumbers() {
        String respelled = TINY.replace("\"1000.00\"", "\"1000\"").replace("\"0.90\"", "\"0.9\"").replace("\"550.50\"", "\"550.5000\"")
                .replace("\"12.30\"", "12.3").replace("\"qualityMeasures\": []", "\"feeScheduleAllowedAmount\": \"0.00\"");
        PerformanceFacts facts = Json.readFacts(bytes(TINY));
        PerformanceFacts reordered = new PerformanceFacts(facts.ipa(), facts.period(), List.of(facts.practices().get(1), facts.practices().get(0)));

        Settlement original = service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), facts);
        Settlement other = service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), Json.readFacts(bytes(respelled)));
        Settlement inIdOrder = service.evaluate(ContractChoice.of("medicaid-ffs-p4p"), reordered);

        assertThat(other.factsHash()).isEqualTo(original.factsHash());
        assertThat(inIdOrder.factsHash()).isEqualTo(original.factsHash());
        assertThat(inIdOrder.totals().practices()).extracting(Settlement.PracticeTotal::total)
                .containsExactlyInAnyOrderElementsOf(original.totals().practices().stream().map(Settlement.PracticeTotal::total).toList());
    }

    @Test
    void anOverrideOfPointFourAndOfPointFortyGiveTheSameTermsHashAndTheSamePayout() {
        PerformanceFacts valley = Engine.example("valley-ipa");
        Settlement fortyHundredths = service.evaluate(ContractChoice.of("mssp-basic").with("maximumSharingRate", "0.40"), valley);
        Settlement fourTenths = service.evaluate(ContractChoice.of("mssp-basic").with("maximumSharingRate", "0.4"), valley);
        Settlement asDeclared = service.evaluate(ContractChoice.of("mssp-basic"), valley);

        assertThat(fourTenths.contract().termsHash()).isEqualTo(fortyHundredths.contract().termsHash())
                .isEqualTo(asDeclared.contract().termsHash());
        assertThat(fourTenths.totals().payerTotal()).isEqualByComparingTo(fortyHundredths.totals().payerTotal());
    }

    @Test
    void theRulesHashIsRecomputedFromTheRuleFiles() throws IOException {
        // {"rules/<path>":"sha256:<hex of the file's bytes>",...} over every .drl and .dmn file, paths sorted.
        List<String> members = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".dmn")).sorted().toList()) {
                members.add("\"" + file.toString().replace('\\', '/') + "\":\"" + sha256(Files.readAllBytes(file)) + "\"");
            }
        }
        assertThat(members).hasSizeGreaterThan(15);
        String canonical = members.stream().sorted().collect(Collectors.joining(",", "{", "}"));
        assertThat(service.rules().hash()).isEqualTo(sha256(canonical));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        return sha256(bytes(text));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
