-- A signal as a case (issue 13, item 8): how sure we are (suspected, probable, confirmed by laboratory), whether it
-- waits for a laboratory result, who owns it, and the coordinators' notes. A laboratory result filed into the signal
-- confirms it; confirmed after its alert was issued, the alert is to be updated.

CREATE TABLE earlywarning.signal_case (
  signal_id                  UUID PRIMARY KEY REFERENCES earlywarning.signal (id),
  case_status                TEXT NOT NULL CHECK (case_status IN ('SUSPECTED', 'PROBABLE', 'CONFIRMED')),
  owner                      TEXT,                       -- username of the coordinator who owns the case
  awaiting_laboratory_since  TIMESTAMP WITH TIME ZONE,
  confirmed_at               TIMESTAMP WITH TIME ZONE,
  confirmed_by               TEXT,                       -- a username, or the laboratory result that confirmed it
  updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by                 TEXT NOT NULL
);

CREATE TABLE earlywarning.signal_note (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  signal_id   UUID NOT NULL REFERENCES earlywarning.signal (id),
  author      TEXT NOT NULL,
  written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000)
);

CREATE INDEX signal_note_by_signal ON earlywarning.signal_note (signal_id, written_at);
