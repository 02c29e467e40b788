-- Issue 13, item 8: the coordinator asks a reporting agency about a report in a signal, and merges a duplicate signal
-- into the one that survives.

-- A question about one report, asked of the agency that sent it (never of a person: a member of the public who
-- reported is not known, and staff are reached through their agency). Answered once, by staff of that agency.
CREATE TABLE earlywarning.reporter_question (
  id           UUID PRIMARY KEY,
  signal_id    UUID NOT NULL REFERENCES earlywarning.signal (id),  -- follows the report when signals merge
  report_id    UUID NOT NULL REFERENCES earlywarning.report (id),
  agency_code  TEXT NOT NULL,
  question     TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  asked_by     TEXT NOT NULL,
  asked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  answer       TEXT CHECK (length(answer) BETWEEN 1 AND 4000),
  answered_by  TEXT,
  answered_at  TIMESTAMP WITH TIME ZONE,
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX reporter_question_by_signal ON earlywarning.reporter_question (signal_id, asked_at);
CREATE INDEX reporter_question_open_by_agency ON earlywarning.reporter_question (agency_code, asked_at)
  WHERE answer IS NULL;

-- A merged signal keeps its row (and its own notes, decisions and history) and says where it went; its evidence,
-- questions and links move to the survivor. Evidence remembers the signal it came from. Merging is not undone.
ALTER TABLE earlywarning.signal
  ADD COLUMN merged_into  UUID REFERENCES earlywarning.signal (id),
  ADD COLUMN merged_at    TIMESTAMP WITH TIME ZONE,
  ADD COLUMN merged_by    TEXT,
  ADD COLUMN merge_reason TEXT CHECK (length(merge_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT signal_merged_whole CHECK ((merged_into IS NULL) = (merged_at IS NULL)
    AND (merged_into IS NULL) = (merged_by IS NULL) AND (merged_into IS NULL) = (merge_reason IS NULL)),
  ADD CONSTRAINT signal_not_merged_into_itself CHECK (merged_into <> id);
ALTER TABLE earlywarning.evidence ADD COLUMN moved_from UUID REFERENCES earlywarning.signal (id);
CREATE INDEX evidence_moved_from ON earlywarning.evidence (moved_from) WHERE moved_from IS NOT NULL;
