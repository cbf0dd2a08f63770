package org.accord.scenarios;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.settlement.Settlement;

/**
 * The outcome at every point of a sweep, each settled by the engine exactly as a single
 * evaluation with the point's overrides would be.
 *
 * @param ipaId           the IPA
 * @param performanceYear the period's year
 * @param templateId      the template
 * @param overrides       the overrides every point shares
 * @param parameters      the varied parameters, in request order
 * @param points          the points, the first parameter varying slowest
 * @param rulesHash       the rule files every point was settled with
 * @param factsHash       the facts every point was settled on
 */
public record SweepResult(
        String ipaId,
        int performanceYear,
        String templateId,
        Map<String, Object> overrides,
        List<String> parameters,
        List<Point> points,
        String rulesHash,
        String factsHash) implements Table.Tabular {

    /**
     * @param values        the varied parameters' values at this point
     * @param termsHash     the resolved terms' hash
     * @param payerTotal    everything the payer pays the IPA and its practices
     * @param ipaPool       the payer's IPA-level lines
     * @param retainedByIpa what the IPA keeps from its pool
     * @param riskSharing   the IPA's gains or losses against its target (savings, losses, budget, corridor lines)
     * @param practices     each practice's totals
     */
    public record Point(Map<String, BigDecimal> values, String termsHash, BigDecimal payerTotal, BigDecimal ipaPool,
                        BigDecimal retainedByIpa, BigDecimal riskSharing, List<Settlement.PracticeTotal> practices) {
    }

    /** One row per point: the varied values, the IPA's totals, then each practice's total (a column per practice). */
    @Override
    public Table table() {
        List<String> columns = new ArrayList<>(parameters);
        columns.addAll(List.of("payerTotal", "ipaPool", "retainedByIpa", "riskSharing"));
        if (!points.isEmpty()) {
            points.get(0).practices().forEach(p -> columns.add(p.practiceId()));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Point point : points) {
            List<String> row = new ArrayList<>();
            parameters.forEach(name -> row.add(Table.cell(point.values().get(name))));
            row.add(Table.cell(point.payerTotal()));
            row.add(Table.cell(point.ipaPool()));
            row.add(Table.cell(point.retainedByIpa()));
            row.add(Table.cell(point.riskSharing()));
            point.practices().forEach(p -> row.add(Table.cell(p.total())));
            rows.add(row);
        }
        return new Table(columns, rows);
    }
}
