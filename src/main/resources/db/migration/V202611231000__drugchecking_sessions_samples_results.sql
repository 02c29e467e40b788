-- Drug checking: sites, sessions with their licence conditions, anonymous samples, versioned results, consultations.
-- No table here holds a name, contact details or a date of birth: a sample is known only by its random code.
CREATE SCHEMA drugchecking;

-- Where a service checks drugs: a festival, a night-time district, a fixed city site, or a postal service.
CREATE TABLE drugchecking.site (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('FESTIVAL', 'NIGHT_TIME_DISTRICT', 'FIXED_SITE', 'POSTAL')),
  lad_code text
);
CREATE UNIQUE INDEX site_name ON drugchecking.site (lower(name));

-- One checking session at a site, and the licence conditions its results are released under.
CREATE TABLE drugchecking.session (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES drugchecking.site (id),
  name text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  staff text NOT NULL,                   -- the service's staff on duty (workers, not service users)
  conditions text[] NOT NULL,            -- LicenceCondition names
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE INDEX session_starts ON drugchecking.session (starts_on DESC);

-- One sample. client_id makes a re-sent create harmless; code is the anonymous, human-typable code on its label.
CREATE TABLE drugchecking.sample (
  id uuid PRIMARY KEY,
  client_id uuid NOT NULL UNIQUE,
  code text NOT NULL UNIQUE,
  session_id uuid NOT NULL REFERENCES drugchecking.session (id),
  mode text NOT NULL,
  sold_as text NOT NULL,
  sold_as_code text,
  dosage_form text NOT NULL,
  pill_colour text,
  pill_logo text,
  pill_shape text,
  pill_score_line boolean,
  pill_weight_mg numeric(8, 1),
  obtained_lad_code text,                -- a local authority district only, never an address
  intended_dose text,
  consent boolean NOT NULL,
  age_band text,                         -- only when the session is ADULTS_ONLY
  taken_at timestamptz NOT NULL,
  taken_by text NOT NULL
);
CREATE INDEX sample_session ON drugchecking.sample (session_id, taken_at);

-- A result is versioned: a later lab confirmation adds a version, earlier ones are kept as history.
CREATE TABLE drugchecking.result (
  id uuid PRIMARY KEY,
  sample_id uuid NOT NULL REFERENCES drugchecking.sample (id),
  version integer NOT NULL,
  confirmed boolean NOT NULL,
  flags text[] NOT NULL,
  reasons text[] NOT NULL,
  notes text,
  analyst text NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (sample_id, version)
);

CREATE TABLE drugchecking.component (
  result_id uuid NOT NULL REFERENCES drugchecking.result (id),
  position integer NOT NULL,
  text text NOT NULL,
  substance_code text,
  substance_name text,
  substance_class text,
  quantity numeric(10, 2),
  unit text,                             -- MG_PER_UNIT or PERCENT_W_W
  basis text,                            -- SALT or BASE, for mg per unit
  confidence text NOT NULL,
  method text NOT NULL,
  PRIMARY KEY (result_id, position)
);

-- JCAMP-DX spectra attached to a result version.
CREATE TABLE drugchecking.spectrum (
  id uuid PRIMARY KEY,
  result_id uuid NOT NULL REFERENCES drugchecking.result (id),
  filename text NOT NULL,
  title text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by text NOT NULL
);

-- The harm-reduction conversation: the advice given and what the person chose to do.
CREATE TABLE drugchecking.consultation (
  sample_id uuid PRIMARY KEY REFERENCES drugchecking.sample (id),
  advice text NOT NULL,
  disposed boolean,
  intended_change text,
  referral text,
  given_at timestamptz NOT NULL,
  given_by text NOT NULL
);

-- Analysts export their sessions' results (within the licence conditions).
INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, 'DRUG_CHECKING', 'EXPORT', 'HEALTH'
FROM agency.role r
WHERE r.name = 'DRUG_CHECKING_ANALYST'
ON CONFLICT DO NOTHING;
