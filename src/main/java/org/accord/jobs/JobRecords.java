package org.accord.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * Where job records outlive the process (the store implements it over its database). A record is
 * written when its job is made, starts and ends, and with its progress while it runs; it is never deleted.
 */
public interface JobRecords {

    /** Keeps nothing: jobs live as long as the process (tests of the jobs alone). */
    JobRecords NONE = new JobRecords() {
        @Override
        public void created(JobRecord job) {
        }

        @Override
        public void changed(JobRecord job) {
        }

        @Override
        public Optional<JobRecord> find(String id) {
            return Optional.empty();
        }

        @Override
        public int failUnfinished(String reason, Instant at) {
            return 0;
        }
    };

    /** A new job, queued. */
    void created(JobRecord job);

    /** The job moved on: its record now reads as given. */
    void changed(JobRecord job);

    Optional<JobRecord> find(String id);

    /** Every job recorded as queued or running becomes failed for the reason, at that time; answers how many. */
    int failUnfinished(String reason, Instant at);
}
