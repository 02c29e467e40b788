-- Large CSV imports run in the background. The uploaded file waits here (not in the HTTP session), so a restart does
-- not lose it; a job records how far it has got, and each bad row it found. The file is dropped when the job ends and
-- finished jobs are deleted after a while (harmwatch.drug-checking.import.keep-for).
CREATE TABLE drugchecking.import_job (
    id               uuid PRIMARY KEY,
    session_id       uuid        NOT NULL REFERENCES drugchecking.session (id) ON DELETE CASCADE,
    uploaded_by      text        NOT NULL,          -- username: only they see the job
    filename         text        NOT NULL,
    content          bytea,                         -- the file, until the job ends
    size_bytes       bigint      NOT NULL,
    header           text[]      NOT NULL,
    total_rows       integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('UPLOADED', 'QUEUED', 'VALIDATING', 'IMPORTING', 'DONE', 'FAILED')),
    rows_done        integer     NOT NULL DEFAULT 0,
    -- the mapping, set when the job is started
    map_sample_key   text,
    map_substance    text,
    map_sold_as      text,
    map_form         text,
    map_trace        text,
    map_method       text,
    map_date         text,
    map_mode         text,
    map_default_method text,
    imported_by      text,                          -- display name recorded on the samples
    run_id           uuid,                          -- the run that owns the job; a stale run cannot finish it
    attempts         integer     NOT NULL DEFAULT 0,
    samples          integer,
    imported         integer,
    already_imported integer,
    problem_count    integer     NOT NULL DEFAULT 0,  -- bad rows found (at most 1000 are kept below)
    failure          text,
    uploaded_at      timestamptz NOT NULL,
    started_at       timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz
);

CREATE INDEX import_job_status ON drugchecking.import_job (status);

CREATE TABLE drugchecking.import_problem (
    job_id  uuid    NOT NULL REFERENCES drugchecking.import_job (id) ON DELETE CASCADE,
    row_no  integer NOT NULL,
    position integer NOT NULL,
    message text    NOT NULL,
    PRIMARY KEY (job_id, position)
);
