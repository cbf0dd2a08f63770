package org.accord.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which jobs to list; an absent criterion (null, or no states) matches every job.
 *
 * @param caller who made the job
 * @param states the job is in one of these
 */
public record JobFilter(String caller, Set<JobState> states) {

    public JobFilter {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    public static JobFilter all() {
        return new JobFilter(null, Set.of());
    }

    /** The same criteria, for this caller's jobs only. */
    public JobFilter byCaller(String who) {
        return new JobFilter(who, states);
    }
}
