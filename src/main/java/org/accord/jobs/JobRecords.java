package org.accord.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where job records outlive the process (the store implements it over its database). A record is
 * written when its job is made, starts and ends, and with its progress while it runs; it is never deleted.
 */
public interface JobRecords {

    /** Keeps nothing: jobs live as long as the process, and none is listed (tests of the jobs alone). */
    JobRecords NONE = new JobRecords() {
        @Override
        public void created(JobRecord job) {
        }

        @Override
        public void changed(JobRecord job, Instant at) {
        }

        @Override
        public Optional<JobRecord> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<JobRecord> list(JobFilter filter, int limit, int offset) {
            return List.of();
        }

        @Override
        public long count(JobFilter filter) {
            return 0;
        }

        @Override
        public int failUnfinished(String reason) {
            return 0;
        }
    };

    /** A new job, queued. */
    void created(JobRecord job);

    /**
     * The job moved on: its record now reads as given.
     *
     * @param at when the job read so: the last time it is known to have been alive, until its record is written again
     */
    void changed(JobRecord job, Instant at);

    Optional<JobRecord> find(String id);

    /**
     * The records matching the filter, newest first (by when the job was made, then by id, so
     * that pages neither overlap nor skip one), {@code limit} of them after skipping {@code offset}.
     */
    List<JobRecord> list(JobFilter filter, int limit, int offset);

    /** How many records match the filter, for a paginated list. */
    long count(JobFilter filter);

    /**
     * Every job recorded as queued or running becomes failed for the reason, finished when its record
     * was last written: the last time it was known alive, not the time this is called (the process
     * that ran it ended at some moment since, unrecorded). Answers how many.
     */
    int failUnfinished(String reason);
}
