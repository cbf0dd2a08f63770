package org.accord.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated Medicare Shared Savings Program case: a template with overrides, and the period's
 * inputs. Plain data, printable as JSON so a disagreement can be read and replayed by hand.
 *
 * @param seed                        the case's own seed: {@code -Daccord.reference.case=<seed>} regenerates it
 * @param templateId                  the contract template
 * @param overrides                   parameter overrides, as strings
 * @param performanceYear             the performance year
 * @param benchmark                   updated benchmark, USD
 * @param practices                   member practices: attributed members and expenditures
 * @param assignedBeneficiaries       the payer's count, or null (then the sum of attributed members)
 * @param qualityScore                reported quality score
 * @param metQualityStandard          the payer's finding, or null (then the contract's minimum score decides)
 * @param metAlternativeQualityStandard the payer's finding on the alternative standard, or null
 * @param lossAdjustment              extreme and uncontrollable circumstances adjustment, or null
 * @param participantRevenue          ACO participants' FFS revenue, or null
 * @param lowRevenue                  low revenue ACO finding, or null
 * @param agreementStartYear          first year of the agreement period, or null
 */
record MsspCase(
        long seed,
        String templateId,
        Map<String, String> overrides,
        int performanceYear,
        BigDecimal benchmark,
        List<Practice> practices,
        Integer assignedBeneficiaries,
        BigDecimal qualityScore,
        Boolean metQualityStandard,
        Boolean metAlternativeQualityStandard,
        BigDecimal lossAdjustment,
        BigDecimal participantRevenue,
        Boolean lowRevenue,
        Integer agreementStartYear) {

    record Practice(String id, int attributedMembers, BigDecimal expenditure) {
    }

    BigDecimal expenditure() {
        return practices.stream().map(Practice::expenditure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    long beneficiaries() {
        return assignedBeneficiaries != null ? assignedBeneficiaries
                : practices.stream().mapToLong(Practice::attributedMembers).sum();
    }

    String toJson() {
        String overridesJson = overrides.entrySet().stream().map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        String practicesJson = practices.stream()
                .map(p -> "{\"id\": " + quote(p.id()) + ", \"attributedMembers\": " + p.attributedMembers()
                        + ", \"totalCostOfCare\": " + p.expenditure().toPlainString() + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\"seed\": " + seed + ", \"templateId\": " + quote(templateId) + ", \"overrides\": " + overridesJson
                + ", \"performanceYear\": " + performanceYear + ", \"benchmarkExpenditure\": " + benchmark.toPlainString()
                + ", \"expenditure\": " + expenditure().toPlainString()
                + ", \"assignedBeneficiaries\": " + assignedBeneficiaries + ", \"beneficiariesUsed\": " + beneficiaries()
                + ", \"reportedQualityScore\": " + plain(qualityScore) + ", \"metQualityStandard\": " + metQualityStandard
                + ", \"metAlternativeQualityStandard\": " + metAlternativeQualityStandard
                + ", \"lossAdjustment\": " + plain(lossAdjustment) + ", \"participantRevenue\": " + plain(participantRevenue)
                + ", \"lowRevenue\": " + lowRevenue + ", \"agreementStartYear\": " + agreementStartYear
                + ", \"practices\": " + practicesJson + "}";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
