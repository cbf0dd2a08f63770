-- Accord's system of record, first version. Written for both H2 (embedded) and PostgreSQL:
-- only types and syntax the two share. Append-only: once on main, this file never changes; a
-- change to the schema is a new V2, V3, ...
-- Nothing here is ever updated or deleted by the service: rows are only inserted.

-- Content addressed by its SHA-256 (docs/store.md): rule files, templates, layouts and the
-- canonical text of facts, each stored once whatever the number of runs that used it.
CREATE TABLE content (
    hash       VARCHAR(71)              NOT NULL PRIMARY KEY, -- 'sha256:' and 64 hex digits
    kind       VARCHAR(32)              NOT NULL,             -- rule-file, template, layout, facts
    bytes      BYTEA                    NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A rule set is the files of rules/ by path, identified by the rulesHash of docs/hashes.md.
CREATE TABLE rule_set_file (
    rules_hash VARCHAR(71)  NOT NULL,
    path       VARCHAR(500) NOT NULL, -- relative to the repository root: rules/payment/....drl
    file_hash  VARCHAR(71)  NOT NULL REFERENCES content (hash),
    PRIMARY KEY (rules_hash, path)
);

-- One evaluation or scenario run through the API, stored whole in one transaction.
CREATE TABLE run (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY, -- a random UUID
    kind             VARCHAR(32)              NOT NULL,             -- evaluation, or a scenario's name
    stored_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    caller           VARCHAR(200)             NOT NULL,
    template_id      VARCHAR(200),
    ipa_id           VARCHAR(200),
    performance_year INTEGER,
    facts_hash       VARCHAR(71),
    terms_hash       VARCHAR(71),
    rules_hash       VARCHAR(71),
    template_hash    VARCHAR(71) REFERENCES content (hash),
    request          TEXT                     NOT NULL, -- the request as JSON
    result           TEXT                     NOT NULL  -- the answer (a settlement) as JSON
);

CREATE INDEX run_by_time ON run (stored_at, id);
CREATE INDEX run_by_template ON run (template_id, stored_at);
CREATE INDEX run_by_ipa ON run (ipa_id, performance_year, stored_at);
CREATE INDEX run_by_caller ON run (caller, stored_at);
