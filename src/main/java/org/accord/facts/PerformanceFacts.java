package org.accord.facts;

import java.util.Comparator;
import java.util.List;

/**
 * One IPA's performance for one period: the input of an evaluation.
 *
 * @param ipa         who the IPA is
 * @param period      the performance period and the payer-supplied period inputs
 * @param practices   the member practices, each with its own performance
 */
public record PerformanceFacts(Ipa ipa, PerformancePeriod period, List<PracticePerformance> practices) {

    public PerformanceFacts {
        practices = practices == null ? List.of() : List.copyOf(practices);
    }

    /**
     * The same facts with the practices in id order and each practice's measures in measure id
     * order: the order a content hash reads them in, since the order they are given in changes no
     * amount (docs/hashes.md). Facts must be valid (ids present).
     */
    public PerformanceFacts inIdOrder() {
        List<PracticePerformance> ordered = practices.stream()
                .map(p -> p.withQualityMeasures(p.qualityMeasures().stream()
                        .sorted(Comparator.comparing(QualityMeasureCount::measureId)).toList()))
                .sorted(Comparator.comparing(PracticePerformance::id))
                .toList();
        return new PerformanceFacts(ipa, period, ordered);
    }

    public record Ipa(String id, String name) {
    }
}
