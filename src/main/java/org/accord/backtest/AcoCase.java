package org.accord.backtest;

import java.math.BigDecimal;
import java.util.Map;
import org.accord.evaluation.ContractChoice;
import org.accord.facts.PerformanceFacts;

/**
 * One row of a published results file, mapped: what to evaluate and what to compare the result with.
 *
 * @param line             the row's line in the file (the header is line 1)
 * @param key              the row's key (the ACO id)
 * @param track            the track's name
 * @param contract         the track's template with the row's overrides
 * @param facts            the row's facts
 * @param expectedAmount   the published settlement amount
 * @param savings          the published savings (benchmark less expenditures), which scales the tolerance
 * @param expectedFindings the published value of each finding checked on this row's track
 */
record AcoCase(
        long line,
        String key,
        String track,
        ContractChoice contract,
        PerformanceFacts facts,
        BigDecimal expectedAmount,
        BigDecimal savings,
        Map<Layout.FindingCheck, BigDecimal> expectedFindings) {
}
