package org.accord.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One generated case of a template that pays practices and distributes a pool (capitation with a
 * withhold and a corridor, a global budget, fee-for-service with pay-for-performance). Plain data,
 * printable as JSON so a disagreement can be read and replayed by hand.
 *
 * @param seed                 the case's own seed: {@code -Daccord.reference.practiceCase=<seed>} regenerates it
 * @param templateId           the contract template
 * @param overrides            parameter overrides, as strings
 * @param performanceYear      the performance year
 * @param reportedQualityScore the payer's quality score, or null (then the IPA's composite)
 * @param metQualityStandard   the payer's finding on its standard, or null (then the minimum score decides)
 * @param practices            the member practices
 */
record PracticeCase(
        long seed,
        String templateId,
        Map<String, String> overrides,
        int performanceYear,
        BigDecimal reportedQualityScore,
        Boolean metQualityStandard,
        List<Practice> practices) {

    /** The per-member bonus table, overridden as a JSON object of measure id to amount ({@code {"HBD-POOR": "10.00"}}). */
    static final String BONUS_TABLE = "bonusPerMemberMeetingMeasure";

    private static final Pattern BONUS_ENTRY = Pattern.compile("\"([^\"]+)\": \"([^\"]+)\"");

    /** The overrides as a contract takes them: the bonus table as an object, every other term as its string. */
    Map<String, Object> contractOverrides() {
        Map<String, Object> contract = new TreeMap<>(overrides);
        if (overrides.containsKey(BONUS_TABLE)) {
            contract.put(BONUS_TABLE, bonusTable().orElseThrow());
        }
        return contract;
    }

    /** The bonus table the case overrides, by measure id, if it does. */
    Optional<Map<String, String>> bonusTable() {
        String json = overrides.get(BONUS_TABLE);
        if (json == null) {
            return Optional.empty();
        }
        Map<String, String> table = new TreeMap<>();
        Matcher entry = BONUS_ENTRY.matcher(json);
        while (entry.find()) {
            table.put(entry.group(1), entry.group(2));
        }
        return Optional.of(table);
    }

    record Measure(String id, int numerator, int denominator, int exclusions) {

        int eligible() {
            return denominator - exclusions;
        }
    }

    record Practice(String id, int members, int memberMonths, BigDecimal riskScore, BigDecimal totalCostOfCare,
            BigDecimal feeScheduleAllowed, int annualWellnessVisits, List<Measure> measures) {
    }

    String toJson() {
        String overridesJson = overrides.entrySet().stream().map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        String practicesJson = practices.stream()
                .map(p -> "{\"id\": " + quote(p.id()) + ", \"attributedMembers\": " + p.members() + ", \"memberMonths\": " + p.memberMonths()
                        + ", \"averageRiskScore\": " + p.riskScore().toPlainString() + ", \"totalCostOfCare\": " + p.totalCostOfCare().toPlainString()
                        + ", \"feeScheduleAllowedAmount\": " + p.feeScheduleAllowed().toPlainString()
                        + ", \"annualWellnessVisits\": " + p.annualWellnessVisits() + ", \"qualityMeasures\": "
                        + p.measures().stream().map(m -> "{\"measureId\": " + quote(m.id()) + ", \"numerator\": " + m.numerator()
                                + ", \"denominator\": " + m.denominator() + ", \"exclusions\": " + m.exclusions() + "}")
                                .collect(Collectors.joining(", ", "[", "]")) + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\"seed\": " + seed + ", \"templateId\": " + quote(templateId) + ", \"overrides\": " + overridesJson
                + ", \"performanceYear\": " + performanceYear
                + ", \"reportedQualityScore\": " + (reportedQualityScore == null ? "null" : reportedQualityScore.toPlainString())
                + ", \"metQualityStandard\": " + metQualityStandard + ", \"practices\": " + practicesJson + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
