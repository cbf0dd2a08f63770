package org.accord.facts;

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

    public record Ipa(String id, String name) {
    }
}
