-- One import facility for every module (docs/adr/0010-one-import-facility-and-commons-csv.md). An uploaded CSV waits
-- here, not in the HTTP session, so a restart loses nothing; a job belongs to the uploader's agency and is claimed by a
-- worker on any instance with a lease (FOR UPDATE SKIP LOCKED); a job whose lease expired is taken over. The file is
-- dropped when the job ends and finished jobs are deleted after harmwatch.imports.keep-for.
CREATE TABLE platform.import_job (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL,          -- the module's ImportKind.name()
    agency_code     text        NOT NULL,          -- the uploader's agency: the job is theirs
    scope           text,                          -- what the kind imports into, e.g. a drug-checking session
    uploaded_by     text        NOT NULL,
    filename        text        NOT NULL,
    content         bytea,                         -- the file, until the job ends
    size_bytes      bigint      NOT NULL,
    header          text[]      NOT NULL,
    total_rows      integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('UPLOADED', 'QUEUED', 'VALIDATING', 'IMPORTING', 'DONE', 'FAILED')),
    rows_done       integer     NOT NULL DEFAULT 0,
    mapping_columns text[],                        -- the kind's columns …
    mapping_headers text[],                        -- … and the file's columns they were mapped to
    option_names    text[],
    option_values   text[],
    imported_by     text,                          -- display name of who started it
    lease_owner     uuid,                          -- the run that holds the job; another run cannot finish it
    lease_until     timestamptz,                   -- renewed with every progress write
    attempts        integer     NOT NULL DEFAULT 0,
    records         integer,
    stored          integer,
    skipped         integer,
    problem_count   integer     NOT NULL DEFAULT 0,  -- bad rows found (at most 1000 are kept below)
    failure         text,
    uploaded_at     timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz
);

CREATE INDEX import_job_waiting ON platform.import_job (status, lease_until)
    WHERE status IN ('QUEUED', 'VALIDATING', 'IMPORTING');
CREATE INDEX import_job_finished ON platform.import_job (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE platform.import_problem (
    job_id   uuid    NOT NULL REFERENCES platform.import_job (id) ON DELETE CASCADE,
    position integer NOT NULL,
    row_no   integer NOT NULL,
    message  text    NOT NULL,
    PRIMARY KEY (job_id, position)
);

-- The mapping an agency last confirmed for a kind, offered as the guess for its next file with the same columns.
CREATE TABLE platform.import_mapping (
    agency_code text        NOT NULL,
    kind        text        NOT NULL,
    column_name text        NOT NULL,
    header      text        NOT NULL,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (agency_code, kind, column_name)
);

-- Drug checking's own import jobs are replaced by the facility; unfinished uploads there are dropped (they were kept
-- for a week at most, and their files can be uploaded again).
DROP TABLE drugchecking.import_problem;
DROP TABLE drugchecking.import_job;
