package org.accord.settlement;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One clause outcome.
 *
 * @param scope       {@code IPA} or the practice id the line belongs to
 * @param clause      the contract clause id
 * @param flow        payment (payer to IPA or practice), retained (kept by the IPA from its pool) or
 *                    distributed (the IPA's pool to a practice); null for a finding
 * @param amount      USD rounded to cents, positive when paid to the scope; null for a finding
 * @param basis       the numbers the rule used, by name, at full precision
 * @param explanation one sentence stating the outcome with its numbers
 * @param rule        the rule (or decision) that wrote the line
 * @param detail      what distinguishes lines a rule writes more than once per scope (a measure, a band)
 */
public record SettlementLine(
        String scope,
        String clause,
        String flow,
        BigDecimal amount,
        Map<String, Object> basis,
        String explanation,
        String rule,
        String detail) {

    public static final String PAYMENT = "payment";
    public static final String RETAINED = "retained";
    public static final String DISTRIBUTED = "distributed";

    public boolean isPayable() {
        return amount != null;
    }
}
