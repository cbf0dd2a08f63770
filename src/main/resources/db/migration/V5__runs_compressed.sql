-- A run's request and answer kept compressed (docs/store.md, "Runs compressed"): a settlement of
-- the 25-practice example is about 76 KB of JSON, written by every commit of an evaluation; gzip
-- makes it a few KB. Runs stored from now on have request_gzip and result_gzip (the UTF-8 JSON text,
-- gzip, RFC 1952) and no request or result text; runs stored before keep their text columns and
-- read as before. Exactly one form of each is present. Nothing is rewritten: old rows stay as they are.
ALTER TABLE run ADD COLUMN request_gzip BYTEA;
ALTER TABLE run ADD COLUMN result_gzip BYTEA;
ALTER TABLE run ALTER COLUMN request DROP NOT NULL;
ALTER TABLE run ALTER COLUMN result DROP NOT NULL;
ALTER TABLE run ADD CONSTRAINT run_request_in_one_form
    CHECK ((request IS NULL AND request_gzip IS NOT NULL) OR (request IS NOT NULL AND request_gzip IS NULL));
ALTER TABLE run ADD CONSTRAINT run_result_in_one_form
    CHECK ((result IS NULL AND result_gzip IS NOT NULL) OR (result IS NOT NULL AND result_gzip IS NULL));
