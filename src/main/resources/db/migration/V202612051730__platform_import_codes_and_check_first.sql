-- The import facility's messages become message codes with arguments, resolved for the reader
-- (messages/imports.properties), and a job may be checked first, then applied once a person confirms what it would
-- change (docs/adr/0010-one-import-facility-and-commons-csv.md).

-- A bad row: the column it is in (when the kind knows it), and its message code with the arguments it shows.
ALTER TABLE platform.import_problem ADD COLUMN column_name text;
ALTER TABLE platform.import_problem ADD COLUMN code text;
ALTER TABLE platform.import_problem ADD COLUMN arguments text[] NOT NULL DEFAULT '{}';
UPDATE platform.import_problem SET code = 'imports.problem.text', arguments = ARRAY[message];
ALTER TABLE platform.import_problem ALTER COLUMN code SET NOT NULL;
ALTER TABLE platform.import_problem DROP COLUMN message;

-- Why a job stopped when it was not bad rows, as a code and its arguments.
ALTER TABLE platform.import_job ADD COLUMN failure_code text;
ALTER TABLE platform.import_job ADD COLUMN failure_arguments text[] NOT NULL DEFAULT '{}';
UPDATE platform.import_job SET failure_code = 'imports.problem.text', failure_arguments = ARRAY[failure]
 WHERE failure IS NOT NULL;
ALTER TABLE platform.import_job DROP COLUMN failure;

-- Check first: the job checks every row and records what applying it would change (CHECKED), keeping the file; once
-- confirmed it is queued again, checks every row again and stores all or nothing.
ALTER TABLE platform.import_job ADD COLUMN check_first boolean NOT NULL DEFAULT false;  -- stop at CHECKED until confirmed
ALTER TABLE platform.import_job ADD COLUMN started_by text;            -- username of who started (or confirmed) it
ALTER TABLE platform.import_job ADD COLUMN confirmed_at timestamptz;       -- when a person confirmed a checked job
ALTER TABLE platform.import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE platform.import_job ADD CONSTRAINT import_job_status_check
    CHECK (status IN ('UPLOADED', 'QUEUED', 'VALIDATING', 'CHECKED', 'IMPORTING', 'DONE', 'FAILED'));

-- What a checked job would change, by kind of change (e.g. created, changed, unchanged): how many, and the first
-- items' names.
CREATE TABLE platform.import_preview (
    job_id   uuid    NOT NULL REFERENCES platform.import_job (id) ON DELETE CASCADE,
    position integer NOT NULL,
    change   text    NOT NULL,
    total    integer NOT NULL,
    items    text[]  NOT NULL,
    PRIMARY KEY (job_id, position)
);
