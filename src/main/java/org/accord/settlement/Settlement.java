package org.accord.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.accord.facts.PerformanceFacts;

/**
 * The settlement of one contract for one IPA and period. Deterministic: the same terms, facts and
 * rule files give an equal settlement, and the same JSON byte for byte.
 *
 * @param ipaId           the IPA
 * @param performanceYear the period's year
 * @param contract        which contract, in which version, with which terms
 * @param rulesHash       SHA-256 of the rule files used
 * @param factsHash       SHA-256 of the canonical facts (docs/hashes.md)
 * @param findings        determinations behind the lines (quality score, minimum savings rate, ...)
 * @param lines           payable lines, IPA first, then practices by id, each in clause order
 * @param totals          payer total, the IPA's pool and what each practice receives
 * @param facts           the facts evaluated, echoed
 */
public record Settlement(
        String ipaId,
        int performanceYear,
        Contract contract,
        String rulesHash,
        String factsHash,
        List<SettlementLine> findings,
        List<SettlementLine> lines,
        Totals totals,
        PerformanceFacts facts) {

    /**
     * @param templateId      the template
     * @param templateVersion its version
     * @param templateHash    SHA-256 of the template file
     * @param termsHash       SHA-256 of the canonical resolved terms (docs/hashes.md)
     * @param overrides       the overrides applied
     * @param terms           every clause's parameter values in force
     * @param contractVersion the stored contract version the template and overrides came from, when
     *                        the evaluation named one; absent when it named a template
     */
    public record Contract(
            String templateId,
            String templateVersion,
            String templateHash,
            String termsHash,
            Map<String, Object> overrides,
            Map<String, Map<String, Object>> terms,
            // absent, not null, in JSON: a settlement of a template reads as it always has
            @JsonInclude(JsonInclude.Include.NON_NULL) StoredVersion contractVersion) {

        /** The same contract, naming the stored version it was read from. */
        public Contract from(StoredVersion version) {
            return new Contract(templateId, templateVersion, templateHash, termsHash, overrides, terms, version);
        }
    }

    /**
     * A stored contract version, as a settlement names the one in force: its id and its
     * versionHash (docs/hashes.md), so a reviewer finds the exact version and can check it.
     */
    public record StoredVersion(String id, String versionHash) {
    }

    /** The same settlement, naming the stored contract version its contract came from (none: unchanged). */
    public Settlement from(StoredVersion version) {
        return version == null ? this
                : new Settlement(ipaId, performanceYear, contract.from(version), rulesHash, factsHash, findings, lines, totals, facts);
    }

    /**
     * @param payerTotal    everything the payer pays (negative: is owed), practices and IPA together
     * @param ipaPool       the payer's IPA-level lines, which the IPA distributes
     * @param retainedByIpa what the IPA keeps from its pool (administrative fee, reserve)
     * @param practices     per practice: paid directly, distributed from the pool, and the total
     */
    public record Totals(BigDecimal payerTotal, BigDecimal ipaPool, BigDecimal retainedByIpa, List<PracticeTotal> practices) {
    }

    public record PracticeTotal(String practiceId, String name, BigDecimal paidDirectly, BigDecimal distributed, BigDecimal total) {
    }

    /** Lines of one scope (IPA or a practice id). */
    public List<SettlementLine> linesFor(String scope) {
        return lines.stream().filter(l -> l.scope().equals(scope)).toList();
    }
}
