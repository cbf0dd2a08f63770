package org.accord.jobs;

import java.time.Instant;
import java.util.List;
import org.accord.validation.InputProblem;

/**
 * What is kept of a job beyond the process that ran it: everything the API shows of it.
 *
 * @param done     work done when the record was written (trials, evaluations); a running job's
 *                 record is written when it starts, with its progress at most once a second, and
 *                 when it ends, not at every report
 * @param runId    the stored run holding a succeeded job's result, else null
 * @param problems for a job whose request the work refused, each problem
 */
public record JobRecord(String id, String kind, String caller, JobState state, long done, long total,
                        Instant createdAt, Instant startedAt, Instant finishedAt, String failure,
                        List<InputProblem> problems, String runId) {

    public JobRecord {
        problems = List.copyOf(problems);
    }
}
