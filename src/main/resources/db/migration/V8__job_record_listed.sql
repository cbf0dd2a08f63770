-- Jobs are listed newest first (GET /api/v1/jobs), all of them or one caller's, as runs are (V1's
-- run_by_time and run_by_caller); V4 indexed job records by state only.
CREATE INDEX job_record_by_time ON job_record (created_at, id);
CREATE INDEX job_record_by_caller ON job_record (caller, created_at);
