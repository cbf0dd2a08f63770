-- A published template's version names one text for good (docs/store.md, "Template versions"): the text first stored
-- under a template's id and version is the only one the store takes for them. Each service kept that rule in its own
-- memory, built at start, so two services on one database could each publish version N with another text. For H2 and
-- PostgreSQL alike; append-only like V1 to V8. Rows are only inserted.
-- A row is inserted before its text is stored (content, kind template), so that a text refused here is never stored:
-- no reference to content. The versions of templates stored before this migration are recorded by the next start, each
-- under the text stored first.
CREATE TABLE template_version (
    template_id    VARCHAR(200)             NOT NULL,
    version        VARCHAR(200)             NOT NULL,
    template_hash  VARCHAR(71)              NOT NULL, -- 'sha256:' and 64 hex digits: the text the version names
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT template_version_one_text PRIMARY KEY (template_id, version)
);
