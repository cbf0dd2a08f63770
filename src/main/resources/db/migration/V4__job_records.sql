-- Job records (issue 17, jobs), so that a job reads the same after the service restarts. For H2
-- and PostgreSQL alike. Append-only like V1 to V3: a later change is a new file.
-- Unlike the other tables, a job's row changes as the job moves forward (queued, running, then
-- one final state, never back); no row is deleted. A job still queued or running when its
-- service stopped without finishing it is failed when the service next starts.
CREATE TABLE job_record (
    id           VARCHAR(36)              NOT NULL PRIMARY KEY, -- a random UUID
    kind         VARCHAR(32)              NOT NULL,             -- simulate, sweep, compare, backtest
    caller       VARCHAR(200)             NOT NULL,
    state        VARCHAR(16)              NOT NULL,             -- queued, running, succeeded, failed, cancelled
    done_count   BIGINT                   NOT NULL,             -- work done when last written (trials, evaluations)
    total_count  BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    failure      VARCHAR(1000),                                 -- why a failed job failed
    problems     TEXT,                                          -- a refused request's problems, JSON [{pointer, reason}]
    run_id       VARCHAR(36) REFERENCES run (id),               -- the stored run of a succeeded job's result
    CONSTRAINT job_record_state CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);

CREATE INDEX job_record_by_state ON job_record (state);
