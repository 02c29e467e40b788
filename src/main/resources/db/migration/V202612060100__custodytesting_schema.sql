-- Custody drug testing, the legacy of the Drug Interventions Programme (issue 15, items 1 to 3): a test on arrest
-- for a trigger offence or at an inspector's discretion, the required assessments that follow a positive test, and
-- the referral to a criminal-justice treatment team, whose only answer is whether treatment started and when.
-- Every arrest, test, assessment and referral belongs to the police agency that recorded it and is held for
-- POLICING. A person is known only by the custody record's pseudonymous code; the treatment team gets another one.
CREATE SCHEMA custodytesting;

-- The trigger offences of the Police and Criminal Evidence Act 1984 s.63B and Schedule 6 of the Criminal Justice
-- and Court Services Act 2000 (as amended), with the dates each was (or stopped being) one. An arrest is for a
-- trigger offence only when the offence was in effect on the day of the arrest.
CREATE TABLE custodytesting.trigger_offence (
  code text PRIMARY KEY,
  title text NOT NULL,
  legislation text NOT NULL,
  class_a_only boolean NOT NULL DEFAULT false, -- a trigger only in relation to a specified Class A drug
  effective_from date NOT NULL,
  effective_to date,                           -- the last day it was a trigger offence; null while it is one
  position int NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

INSERT INTO custodytesting.trigger_offence (code, title, legislation, class_a_only, effective_from, effective_to, position) VALUES
 ('THEFT', 'Theft', 'Theft Act 1968 s.1', false, '2001-07-02', NULL, 10),
 ('ROBBERY', 'Robbery', 'Theft Act 1968 s.8', false, '2001-07-02', NULL, 20),
 ('BURGLARY', 'Burglary', 'Theft Act 1968 s.9', false, '2001-07-02', NULL, 30),
 ('AGGRAVATED_BURGLARY', 'Aggravated burglary', 'Theft Act 1968 s.10', false, '2001-07-02', NULL, 40),
 ('TAKING_VEHICLE', 'Taking a motor vehicle or other conveyance without authority', 'Theft Act 1968 s.12', false, '2001-07-02', NULL, 50),
 ('AGGRAVATED_VEHICLE_TAKING', 'Aggravated vehicle-taking', 'Theft Act 1968 s.12A', false, '2001-07-02', NULL, 60),
 ('OBTAINING_BY_DECEPTION', 'Obtaining property by deception', 'Theft Act 1968 s.15', false, '2001-07-02', '2007-01-14', 70),
 ('FRAUD', 'Fraud', 'Fraud Act 2006 s.1', false, '2007-01-15', NULL, 75),
 ('ARTICLES_FOR_FRAUD', 'Possessing, making or supplying articles for use in fraud', 'Fraud Act 2006 ss.6 and 7', false, '2007-01-15', NULL, 76),
 ('HANDLING_STOLEN_GOODS', 'Handling stolen goods', 'Theft Act 1968 s.22', false, '2001-07-02', NULL, 80),
 ('GOING_EQUIPPED', 'Going equipped for stealing', 'Theft Act 1968 s.25', false, '2001-07-02', NULL, 90),
 ('CLASS_A_PRODUCTION_SUPPLY', 'Producing or supplying a Class A drug', 'Misuse of Drugs Act 1971 s.4', true, '2001-07-02', NULL, 100),
 ('CLASS_A_POSSESSION', 'Possessing a Class A drug', 'Misuse of Drugs Act 1971 s.5(2)', true, '2001-07-02', NULL, 110),
 ('CLASS_A_INTENT_TO_SUPPLY', 'Possessing a Class A drug with intent to supply', 'Misuse of Drugs Act 1971 s.5(3)', true, '2001-07-02', NULL, 120),
 ('BEGGING', 'Begging', 'Vagrancy Act 1824 s.3', false, '2004-07-27', NULL, 130),
 ('PERSISTENT_BEGGING', 'Persistent begging', 'Vagrancy Act 1824 s.4', false, '2004-07-27', NULL, 140),
 ('ATTEMPT', 'Attempting any of the offences above', 'Criminal Attempts Act 1981 s.1', false, '2001-07-02', NULL, 150);

-- The custody suites where people are tested, each in a local authority district (the geography module's LAD code).
CREATE TABLE custodytesting.suite (
  code text PRIMARY KEY,
  name text NOT NULL,
  district_code text NOT NULL,
  active boolean NOT NULL DEFAULT true
);

INSERT INTO custodytesting.suite (code, name, district_code) VALUES
 ('PERRY_BARR', 'Perry Barr custody suite', 'E08000025'),
 ('BOURNVILLE_LANE', 'Bournville Lane custody suite', 'E08000025'),
 ('OLDBURY', 'Oldbury custody suite', 'E08000028'),
 ('COVENTRY', 'Coventry custody suite', 'E08000026'),
 ('WOLVERHAMPTON', 'Wolverhampton custody suite', 'E08000031');

-- An arrest that made someone eligible for a test: for a trigger offence, or any offence where an inspector had
-- reasonable grounds to suspect that a Class A drug caused or contributed to it (the inspector is named).
CREATE TABLE custodytesting.arrest (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  purpose text NOT NULL CHECK (purpose = 'POLICING'),
  suite_code text NOT NULL REFERENCES custodytesting.suite (code),
  person_code text NOT NULL,                   -- the custody record's pseudonymous code
  arrested_at timestamptz NOT NULL,
  basis text NOT NULL CHECK (basis IN ('TRIGGER_OFFENCE', 'INSPECTOR_DISCRETION')),
  offence_code text REFERENCES custodytesting.trigger_offence (code),
  inspector text,                              -- the authorising inspector (name and number)
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((basis = 'TRIGGER_OFFENCE') = (offence_code IS NOT NULL)),
  CHECK ((basis = 'INSPECTOR_DISCRETION') = (inspector IS NOT NULL))
);
CREATE INDEX arrest_owner_arrested ON custodytesting.arrest (owner_agency, arrested_at DESC, id);
CREATE INDEX arrest_suite_arrested ON custodytesting.arrest (suite_code, arrested_at);

-- A sample taken (or refused) after an arrest; a second one is a retest. A refusal has no result: refusing without
-- good cause is itself an offence (PACE s.63B(8)), recorded here and nowhere else.
CREATE TABLE custodytesting.drug_test (
  id uuid PRIMARY KEY,
  arrest_id uuid NOT NULL REFERENCES custodytesting.arrest (id),
  retest boolean NOT NULL,
  sample_taken_at timestamptz NOT NULL,
  device text,
  outcome text NOT NULL CHECK (outcome IN ('RESULT', 'REFUSED')),
  cocaine text CHECK (cocaine IN ('POSITIVE', 'NEGATIVE')),
  opiates text CHECK (opiates IN ('POSITIVE', 'NEGATIVE')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((outcome = 'RESULT') = (cocaine IS NOT NULL AND opiates IS NOT NULL)),
  CHECK (outcome = 'RESULT' OR (cocaine IS NULL AND opiates IS NULL)),
  CHECK (outcome = 'RESULT' OR device IS NULL)
);
CREATE INDEX drug_test_arrest ON custodytesting.drug_test (arrest_id, sample_taken_at);

-- The required assessments after a positive test (Drugs Act 2005 ss.9 to 11): the initial one, then a follow-up
-- one if the assessor requires it; each booked, then attended or missed (with what followed).
CREATE TABLE custodytesting.assessment (
  id uuid PRIMARY KEY,
  arrest_id uuid NOT NULL REFERENCES custodytesting.arrest (id),
  kind text NOT NULL CHECK (kind IN ('INITIAL', 'FOLLOW_UP')),
  status text NOT NULL CHECK (status IN ('REQUIRED', 'BOOKED', 'ATTENDED', 'MISSED')),
  required_on date NOT NULL,
  appointment_at timestamptz,
  attended_on date,
  consequence text CHECK (consequence IN ('REARRANGED', 'WARNING', 'CHARGED_FAILURE_TO_ATTEND', 'NO_FURTHER_ACTION')),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (arrest_id, kind),
  CHECK ((status = 'ATTENDED') = (attended_on IS NOT NULL)),
  CHECK ((status = 'MISSED') = (consequence IS NOT NULL)),
  CHECK (status = 'REQUIRED' OR appointment_at IS NOT NULL)
);

-- A referral to a criminal-justice treatment team (a health agency the police agency shares custody testing with
-- for HEALTH), and the team's answer: whether treatment started, and when. Nothing clinical, ever.
CREATE TABLE custodytesting.referral (
  id uuid PRIMARY KEY,
  arrest_id uuid NOT NULL UNIQUE REFERENCES custodytesting.arrest (id),
  owner_agency text NOT NULL,
  team_agency text NOT NULL,
  team_person_code text NOT NULL,              -- pseudonymous, the same for a person at one team, unlinkable to
                                               -- the custody record's code
  referred_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  treatment_started boolean,
  treatment_started_on date,
  answered_by text,
  answered_at timestamptz,
  CHECK ((treatment_started IS TRUE) = (treatment_started_on IS NOT NULL)),
  CHECK ((treatment_started IS NULL) = (answered_at IS NULL))
);
CREATE INDEX referral_team ON custodytesting.referral (team_agency, referred_on DESC, id);
