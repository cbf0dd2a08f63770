-- V5's columns are named for gzip; runs are now written as zstd frames and older ones stay gzip
-- (docs/store.md, "Runs compressed": the format is told by the bytes' first bytes, not the column).
-- A rename only: no row is rewritten, and V5's check constraints follow the columns on H2 and PostgreSQL.
ALTER TABLE run RENAME COLUMN request_gzip TO request_compressed;
ALTER TABLE run RENAME COLUMN result_gzip TO result_compressed;
