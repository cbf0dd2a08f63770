-- When each job record was last written; V4 kept no such time. A job its service never finished was
-- last known alive then (a running job's progress is written every second), so it reads as failed at
-- that time, not at the next start, which said it ran until the restart. Rows written before this
-- migration have none: their job's start, or its making, stands in (docs in api-spec, Job.finishedAt).
ALTER TABLE job_record ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
