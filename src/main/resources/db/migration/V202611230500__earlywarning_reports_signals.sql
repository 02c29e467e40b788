-- Drugs early warning: reports of harm, and signals that group reports and other modules' events.
CREATE SCHEMA earlywarning;

-- One report. Reporter columns are null for anonymous (public) reports, which store no personal data at all.
CREATE TABLE earlywarning.report (
  id uuid PRIMARY KEY,
  channel text NOT NULL,                 -- STAFF_FORM, API, PUBLIC_FORM
  source_type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  lat double precision,
  lon double precision,
  lad_code text NOT NULL,
  lad_name text NOT NULL,
  ward_code text,
  ward_name text,
  lsoa_code text,
  substance_class text,                  -- chosen when no substance could be named
  outcomes text[] NOT NULL,
  people integer NOT NULL CHECK (people BETWEEN 1 AND 1000),
  description text,
  reporter_id uuid,
  reporter_name text,
  reporter_agency_code text,
  reporter_agency_name text,
  purpose text NOT NULL
);
CREATE INDEX report_received ON earlywarning.report (received_at DESC);

CREATE TABLE earlywarning.report_substance (
  report_id uuid NOT NULL REFERENCES earlywarning.report (id),
  position integer NOT NULL,
  text text NOT NULL,                    -- what the reporter wrote, kept even when it resolved
  substance_code text,
  substance_name text,
  substance_class text,
  how_known text NOT NULL,
  PRIMARY KEY (report_id, position)
);

CREATE TABLE earlywarning.signal (
  id uuid PRIMARY KEY,
  group_key text NOT NULL,               -- substance:<code>, class:<CLASS>, category:<CATEGORY> or unknown
  substance_code text,
  substance_class text,
  lad_code text NOT NULL,
  lad_name text NOT NULL,
  status text NOT NULL,                  -- OPEN, VALIDATED, DISMISSED
  urgency text NOT NULL,                 -- ROUTINE, HIGH, URGENT
  rules text[] NOT NULL,
  opened_at timestamptz NOT NULL,
  first_evidence_at timestamptz NOT NULL,
  last_evidence_at timestamptz NOT NULL,
  evidence_count integer NOT NULL,
  decided_at timestamptz,
  decided_by text,
  decision_reason text
);
CREATE INDEX signal_group ON earlywarning.signal (lad_code, group_key, last_evidence_at);
CREATE INDEX signal_list ON earlywarning.signal (status, urgency, opened_at DESC);

-- A piece of evidence in a signal. (kind, ref) is unique: each report or event joins one signal once, which is what
-- makes the event listeners idempotent.
CREATE TABLE earlywarning.evidence (
  id bigserial PRIMARY KEY,
  signal_id uuid NOT NULL REFERENCES earlywarning.signal (id),
  kind text NOT NULL,                    -- REPORT, SPIKE, DRUG_CHECK
  ref text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  lad_code text NOT NULL,
  group_key text NOT NULL,
  substance_codes text[] NOT NULL,
  death boolean NOT NULL,
  summary text NOT NULL,
  UNIQUE (kind, ref)
);
CREATE INDEX evidence_area ON earlywarning.evidence (lad_code, occurred_at);
