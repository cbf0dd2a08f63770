package org.accord.store;

import java.time.Instant;

/**
 * Which runs to list; an absent (null) criterion matches every run.
 *
 * @param templateId      the contract's template
 * @param ipaId           the IPA
 * @param performanceYear the performance year (the period)
 * @param caller          who ran it
 * @param storedFrom      stored at or after this instant
 * @param storedBefore    stored strictly before this instant
 */
public record RunFilter(String templateId, String ipaId, Integer performanceYear, String caller, Instant storedFrom,
        Instant storedBefore) {

    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null, null);
    }
}
