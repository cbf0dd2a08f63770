package org.accord.scenarios;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.accord.content.Canonical;
import org.accord.settlement.Settlement;

/**
 * What each proposal changes against the baseline: the terms that differ, and the money, for the
 * IPA's totals, each practice's total and every settlement line, each list ranked by the size of
 * its change (largest first). A line present on one side only counts against zero.
 *
 * @param ipaId           the IPA
 * @param performanceYear the period's year
 * @param rulesHash       the rule files every side was settled with
 * @param factsHash       the facts every side was settled on
 * @param baseline        the baseline contract and its totals
 * @param proposals       each proposal with its differences, in request order
 */
public record ComparisonResult(
        String ipaId,
        int performanceYear,
        String rulesHash,
        String factsHash,
        Side baseline,
        List<ProposalComparison> proposals) implements Table.Tabular {

    /**
     * One side's contract and outcome.
     *
     * @param templateId      the template
     * @param templateVersion its version
     * @param termsHash       the resolved terms' hash
     * @param overrides       the overrides applied
     * @param totals          the settlement's totals (payer total, pool, retained, per practice)
     * @param riskSharing     the IPA's gains or losses against its target (savings, losses, budget,
     *                        corridor lines)
     * @param contractVersion the stored contract version the side was named by, if it was
     *                        ({@code contractVersionId}): which draft or proposal each side is
     */
    public record Side(String templateId, String templateVersion, String termsHash, Map<String, Object> overrides,
                       Settlement.Totals totals, BigDecimal riskSharing,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Settlement.StoredVersion contractVersion) {
    }

    /**
     * @param proposal        the proposal's number, from 1, in request order
     * @param contract        the proposal's contract and outcome
     * @param termDifferences the parameters whose values differ, in clause order
     * @param ipaTotals       the IPA's totals: payerTotal, ipaPool, retainedByIpa, riskSharing
     * @param practices       each practice's total
     * @param lines           every settlement line of either side
     */
    public record ProposalComparison(int proposal, Side contract, List<TermDifference> termDifferences,
                                     List<Delta> ipaTotals, List<Delta> practices, List<LineDelta> lines) {
    }

    /**
     * A parameter whose value differs; a value is null on a side whose template lacks the parameter.
     */
    public record TermDifference(String clause, String parameter, Object baselineValue, Object proposalValue) {
    }

    /**
     * A total under both contracts.
     *
     * @param item     the total's name ({@code payerTotal}) or the practice id
     * @param name     the practice's name (null for IPA totals)
     * @param baseline the amount under the baseline
     * @param proposal the amount under the proposal
     * @param delta    proposal less baseline
     */
    public record Delta(String item, String name, BigDecimal baseline, BigDecimal proposal, BigDecimal delta) {
    }

    /**
     * A settlement line under both contracts, matched by scope, clause, rule and detail, or, when the
     * rule that pays it changed, by scope, clause, flow and detail.
     *
     * @param rule                the rule that wrote the proposal's line (the baseline's when the proposal has none)
     * @param baseline            the baseline amount (zero when the baseline has no such line)
     * @param proposal            the proposal amount (zero when the proposal has no such line)
     * @param delta               proposal less baseline
     * @param baselineExplanation the baseline line's sentence (null when absent)
     * @param proposalExplanation the proposal line's sentence (null when absent)
     * @param baselineRule        the rule that wrote the baseline's line, when another than {@code rule} (null otherwise)
     */
    public record LineDelta(String scope, String clause, String rule, String detail, BigDecimal baseline, BigDecimal proposal,
                            BigDecimal delta, String baselineExplanation, String proposalExplanation, String baselineRule) {
    }

    /**
     * One row per difference: {@code kind} is term, ipa-total, practice-total or line; {@code item}
     * is the parameter, the total, the practice id or the rule. The last two columns name the stored
     * contract version of each side, when the side was named by one (empty otherwise): two drafts
     * of one template read alike by the template alone. They come last so that a reader of the
     * columns before them by position reads what it did.
     */
    @Override
    public Table table() {
        List<String> columns = List.of("proposal", "template", "kind", "scope", "clause", "item", "detail",
                "baselineValue", "proposalValue", "delta", "baselineContractVersion", "proposalContractVersion");
        String baselineVersion = versionId(baseline);
        List<List<String>> rows = new ArrayList<>();
        for (ProposalComparison p : proposals) {
            String number = String.valueOf(p.proposal());
            String template = p.contract().templateId();
            String proposalVersion = versionId(p.contract());
            List<List<String>> differences = new ArrayList<>();
            for (TermDifference t : p.termDifferences()) {
                differences.add(List.of(number, template, "term", "", t.clause(), t.parameter(), "", value(t.baselineValue()),
                        value(t.proposalValue()), ""));
            }
            for (Delta d : p.ipaTotals()) {
                differences.add(List.of(number, template, "ipa-total", "IPA", "", d.item(), "", Table.cell(d.baseline()),
                        Table.cell(d.proposal()), Table.cell(d.delta())));
            }
            for (Delta d : p.practices()) {
                differences.add(List.of(number, template, "practice-total", d.item(), "", d.item(), Table.cell(d.name()),
                        Table.cell(d.baseline()), Table.cell(d.proposal()), Table.cell(d.delta())));
            }
            for (LineDelta l : p.lines()) {
                differences.add(List.of(number, template, "line", l.scope(), l.clause(), l.rule(), l.detail(), Table.cell(l.baseline()),
                        Table.cell(l.proposal()), Table.cell(l.delta())));
            }
            for (List<String> difference : differences) {
                List<String> row = new ArrayList<>(difference);
                row.add(baselineVersion);
                row.add(proposalVersion);
                rows.add(row);
            }
        }
        return new Table(columns, rows);
    }

    /** The id of the stored contract version a side was named by; empty when it was named by its template. */
    private static String versionId(Side side) {
        return side.contractVersion() == null ? "" : side.contractVersion().id();
    }

    private static String value(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> ? Canonical.json(value) : Table.cell(value);
    }
}
