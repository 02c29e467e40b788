-- Heroin-assisted treatment (HAT): referrals assessed against the documented criteria, enrolments, prescribers'
-- Home Office licences, diamorphine prescriptions (each titration step a new prescription), supervised doses twice a
-- day, clinical reviews raised by missed doses, Treatment Outcomes Profiles, and the local unit costs of the cost
-- report. Every record belongs to the clinic's agency and is held for HEALTH; a client is known only by the
-- service's pseudonymous client code, never by name.
CREATE SCHEMA hatclinic;

-- A referral to the clinic, with the person's consent recorded, and its assessment against the criteria.
CREATE TABLE hatclinic.referral (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  client_code text NOT NULL,
  source text NOT NULL CHECK (source IN ('TREATMENT_SERVICE', 'DIVERSION', 'CUSTODY_TESTING', 'PRIMARY_CARE', 'SELF',
    'OTHER')),
  consent_on date NOT NULL,
  referred_on date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  dependence_years integer CHECK (dependence_years BETWEEN 0 AND 80),
  failed_oral_episodes integer CHECK (failed_oral_episodes BETWEEN 0 AND 100),
  age integer CHECK (age BETWEEN 10 AND 120),
  attends_twice_daily boolean,
  decision text CHECK (decision IN ('SUITABLE', 'NOT_SUITABLE')),
  decision_reason text,
  decided_at timestamptz,
  decided_by text,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
CREATE INDEX referral_owner ON hatclinic.referral (owner_agency, referred_on DESC);

-- A person enrolled for treatment; first_dose_on is set by the first dose given (treatment started).
CREATE TABLE hatclinic.enrolment (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  referral_id uuid NOT NULL UNIQUE REFERENCES hatclinic.referral (id),
  client_code text NOT NULL,
  district_code text NOT NULL,
  enrolled_on date NOT NULL,
  first_dose_on date,
  ended_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX enrolment_owner ON hatclinic.enrolment (owner_agency, client_code);

-- A prescriber's Home Office licence to prescribe diamorphine for addiction; recorded by someone else.
CREATE TABLE hatclinic.licence (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  prescriber text NOT NULL,
  licence_number text NOT NULL,
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  CHECK (valid_to >= valid_from),
  CHECK (prescriber <> recorded_by)
);
CREATE INDEX licence_prescriber ON hatclinic.licence (prescriber, valid_to);

-- A prescription: the dose range per supervised dose and the route. Titration is the sequence of prescriptions; the
-- newest one starting on or before a day is the one in force that day.
CREATE TABLE hatclinic.prescription (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES hatclinic.enrolment (id),
  drug text NOT NULL CHECK (drug = 'DIAMORPHINE'),
  route text NOT NULL CHECK (route IN ('INTRAVENOUS', 'INTRAMUSCULAR', 'INHALED', 'ORAL')),
  min_mg integer NOT NULL CHECK (min_mg BETWEEN 1 AND 1000),
  max_mg integer NOT NULL CHECK (max_mg BETWEEN 1 AND 1000),
  starts_on date NOT NULL,
  titration_note text,
  prescriber text NOT NULL,
  licence_id uuid NOT NULL REFERENCES hatclinic.licence (id),
  recorded_at timestamptz NOT NULL,
  CHECK (max_mg >= min_mg)
);
CREATE INDEX prescription_enrolment ON hatclinic.prescription (enrolment_id, starts_on DESC, recorded_at DESC);

-- A supervised dose, given or missed, once per enrolment, day and slot (morning or evening).
CREATE TABLE hatclinic.dose (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES hatclinic.enrolment (id),
  dose_on date NOT NULL,
  slot text NOT NULL CHECK (slot IN ('MORNING', 'EVENING')),
  given boolean NOT NULL,
  dose_mg integer CHECK (dose_mg BETWEEN 1 AND 1000),
  prescription_id uuid REFERENCES hatclinic.prescription (id),
  observation text CHECK (observation IN ('NO_CONCERNS', 'DROWSY', 'RESPIRATORY_DEPRESSION', 'INTOXICATED',
    'INJECTION_SITE_PROBLEM')),
  adverse_event text,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  UNIQUE (enrolment_id, dose_on, slot),
  CHECK (given = (dose_mg IS NOT NULL))
);
CREATE INDEX dose_day ON hatclinic.dose (dose_on, slot);

-- A clinical review, raised when a configured number of doses in a row were missed; closed by clinic staff.
CREATE TABLE hatclinic.review (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  enrolment_id uuid NOT NULL REFERENCES hatclinic.enrolment (id),
  missed_in_row integer NOT NULL,
  raised_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by text
);
CREATE UNIQUE INDEX review_one_open ON hatclinic.review (enrolment_id) WHERE closed_at IS NULL;
CREATE INDEX review_open_owner ON hatclinic.review (owner_agency) WHERE closed_at IS NULL;

-- The Treatment Outcomes Profile: the last 28 days at the start and at 3, 6 and 12 months.
CREATE TABLE hatclinic.outcome_profile (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES hatclinic.enrolment (id),
  stage text NOT NULL CHECK (stage IN ('START', 'MONTH_3', 'MONTH_6', 'MONTH_12')),
  completed_on date NOT NULL,
  street_heroin_days integer NOT NULL CHECK (street_heroin_days BETWEEN 0 AND 28),
  crack_days integer NOT NULL CHECK (crack_days BETWEEN 0 AND 28),
  other_opiate_days integer NOT NULL CHECK (other_opiate_days BETWEEN 0 AND 28),
  alcohol_days integer NOT NULL CHECK (alcohol_days BETWEEN 0 AND 28),
  cannabis_days integer NOT NULL CHECK (cannabis_days BETWEEN 0 AND 28),
  injecting_days integer NOT NULL CHECK (injecting_days BETWEEN 0 AND 28),
  crimes integer NOT NULL CHECK (crimes BETWEEN 0 AND 10000),
  psychological_health integer NOT NULL CHECK (psychological_health BETWEEN 0 AND 20),
  physical_health integer NOT NULL CHECK (physical_health BETWEEN 0 AND 20),
  quality_of_life integer NOT NULL CHECK (quality_of_life BETWEEN 0 AND 20),
  housing text NOT NULL CHECK (housing IN ('STABLE', 'AT_RISK', 'NO_FIXED_ABODE')),
  work_days integer NOT NULL CHECK (work_days BETWEEN 0 AND 28),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  UNIQUE (enrolment_id, stage)
);

-- Local unit costs and the programme's comparators, each with its source; editable by prescribers (clinical leads).
CREATE TABLE hatclinic.unit_cost (
  code text PRIMARY KEY,
  amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
  source text NOT NULL,
  position integer NOT NULL,
  updated_at timestamptz,
  updated_by text
);
INSERT INTO hatclinic.unit_cost (code, amount, source, position) VALUES
 ('STAFF_PER_YEAR', 420000, 'Local: clinic staffing budget (demo value; replace with the commissioned figure)', 10),
 ('PREMISES_PER_YEAR', 90000, 'Local: premises lease and running costs (demo value)', 20),
 ('DIAMORPHINE_PER_MG', 0.03, 'Local: pharmacy invoice price per mg (demo value)', 30),
 ('PLACES', 30, 'Local: commissioned treatment places', 40),
 ('MG_PER_DAY', 400, 'Local planning figure (demo value): mean diamorphine per patient-day, used until doses are recorded', 45),
 ('ORAL_METHADONE', 5000, 'Programme recommendations 3E: RIOTT, oral methadone per patient-year', 50),
 ('INJECTABLE_METHADONE', 9000, 'Programme recommendations 3E: RIOTT, injectable methadone per patient-year', 60),
 ('HAT_RIOTT', 18000, 'Programme recommendations 3E: supervised heroin treatment in RIOTT per patient-year', 70),
 ('UNTREATED_CRIME', 26000, 'Programme recommendations 3E: crime by an average heroin user not in treatment per year', 80),
 ('PRISON_PLACE', 35000, 'Programme recommendations 3E: a prison place per year', 90);

-- Prescribers (clinical leads): everything clinic staff do, plus prescribing (with a licence in force, recorded in
-- the register by someone else) and the unit costs. Health purpose only.
INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'HAT_PRESCRIBER', 'Prescriber (heroin-assisted treatment)', 'Prescribes and titrates diamorphine under a Home Office licence, keeps the clinic''s unit costs.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('HAT_PRESCRIBER', 'HAT_CLINIC', 'READ', 'HEALTH'),
  ('HAT_PRESCRIBER', 'HAT_CLINIC', 'WRITE', 'HEALTH'),
  ('HAT_PRESCRIBER', 'HAT_CLINIC', 'MANAGE', 'HEALTH'),
  ('HAT_PRESCRIBER', 'GEOGRAPHY', 'READ', 'PUBLIC')
) AS g (role, capability, action, purpose) ON g.role = r.name;
