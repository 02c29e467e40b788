-- Naloxone: products, the places that hold kits, batches with their expiry, and a ledger of every kit that moves
-- (received, transferred, supplied to a person, returned, disposed of). Stock is never stored: it is the sum of the
-- ledger, so it cannot drift from what was recorded. Supplies to a person carry only the service's pseudonymous client
-- code (a health record, purpose HEALTH); nothing here names a person.
CREATE SCHEMA naloxone;

-- The naloxone products the programme supplies: reference data.
CREATE TABLE naloxone.product (
  code text PRIMARY KEY,
  name text NOT NULL,
  form text NOT NULL CHECK (form IN ('NASAL', 'INJECTABLE')),
  doses_per_kit integer NOT NULL CHECK (doses_per_kit BETWEEN 1 AND 20)
);
INSERT INTO naloxone.product (code, name, form, doses_per_kit) VALUES
 ('NYXOID', 'Nyxoid 1.8 mg nasal spray', 'NASAL', 2),
 ('PRENOXAD', 'Prenoxad 1 mg/ml injection (2 ml syringe)', 'INJECTABLE', 5);

-- A place or person that holds kits: a drug service, a pharmacy, a hostel, a custody suite, a police officer's kit
-- pool, a prison, an ambulance service. owner_agency keeps its ledger; agency_code is the agency it is, or belongs
-- to, when it is one (a police force, an ambulance service), so that a reissue task finds it. A holder listed in the
-- public finder has its address, opening hours and whether it trains people.
CREATE TABLE naloxone.holder (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG_SERVICE', 'PHARMACY', 'HOSTEL', 'CUSTODY_SUITE', 'POLICE_OFFICERS', 'PRISON',
    'AMBULANCE', 'OTHER')),
  name text NOT NULL,
  agency_code text,
  lad_code text,
  address text,
  postcode text,
  opening_hours text,
  trains boolean NOT NULL DEFAULT false,
  public_listing boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL
);
CREATE UNIQUE INDEX holder_owner_name ON naloxone.holder (owner_agency, lower(name));
CREATE INDEX holder_agency_code ON naloxone.holder (agency_code);
CREATE INDEX holder_public ON naloxone.holder (lad_code) WHERE public_listing;

-- A manufacturer's batch of one product, and when its kits expire.
CREATE TABLE naloxone.batch (
  id uuid PRIMARY KEY,
  product_code text NOT NULL REFERENCES naloxone.product (code),
  batch_number text NOT NULL,
  expires_on date NOT NULL,
  UNIQUE (product_code, batch_number)
);

-- Every movement of kits of one batch. RECEIVED: into to_holder from the supplier; TRANSFERRED: from_holder to
-- to_holder; SUPPLIED: from_holder to a person (client_code, first supply or resupply and why); RETURNED: from a person
-- into to_holder; DISPOSED: out of from_holder, with the reason. release_point says where a supply met a point of risk
-- (prison release, hostel, ...).
CREATE TABLE naloxone.movement (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('RECEIVED', 'TRANSFERRED', 'SUPPLIED', 'RETURNED', 'DISPOSED')),
  batch_id uuid NOT NULL REFERENCES naloxone.batch (id),
  from_holder uuid REFERENCES naloxone.holder (id),
  to_holder uuid REFERENCES naloxone.holder (id),
  kits integer NOT NULL CHECK (kits BETWEEN 1 AND 100000),
  happened_on date NOT NULL,
  client_code text,
  supply_type text CHECK (supply_type IN ('FIRST', 'RESUPPLY')),
  reason text CHECK (reason IN ('USED', 'LOST', 'EXPIRED', 'CONFISCATED', 'DAMAGED', 'OTHER')),
  release_point text CHECK (release_point IN ('PRISON_RELEASE', 'BAIL_HOSTEL', 'HOMELESS_SHELTER',
    'HOSPITAL_DISCHARGE', 'LEAVING_TREATMENT', 'CUSTODY_RELEASE')),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  CHECK ((kind IN ('TRANSFERRED', 'SUPPLIED', 'DISPOSED')) = (from_holder IS NOT NULL)),
  CHECK ((kind IN ('RECEIVED', 'TRANSFERRED', 'RETURNED')) = (to_holder IS NOT NULL)),
  CHECK (kind = 'SUPPLIED' OR (supply_type IS NULL AND release_point IS NULL)),
  CHECK (kind IN ('SUPPLIED', 'RETURNED') OR client_code IS NULL)
);
CREATE INDEX movement_from ON naloxone.movement (from_holder, batch_id);
CREATE INDEX movement_to ON naloxone.movement (to_holder, batch_id);
CREATE INDEX movement_supplied ON naloxone.movement (happened_on) WHERE kind = 'SUPPLIED';

-- People trained to give naloxone: one row per training given, with how many people of which group it trained, who
-- trained them and when a refresher is due.
CREATE TABLE naloxone.training (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  holder_id uuid REFERENCES naloxone.holder (id),
  trained_on date NOT NULL,
  trainer text NOT NULL,
  trainee_group text NOT NULL CHECK (trainee_group IN ('PEOPLE_WHO_USE_DRUGS', 'FAMILY_AND_FRIENDS', 'SERVICE_STAFF',
    'POLICE_OFFICERS', 'PRISON_STAFF', 'PRISONERS', 'OTHER')),
  people integer NOT NULL CHECK (people BETWEEN 1 AND 10000),
  refresher_due date NOT NULL CHECK (refresher_due > trained_on),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX training_on ON naloxone.training (trained_on);

-- Naloxone given at an overdose: from an overdose incident (source OVERDOSE, one row per administration of the event,
-- incident_id and ordinal make a second delivery of the event harmless) or reported directly (source DIRECT).
CREATE TABLE naloxone.administration (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  source text NOT NULL CHECK (source IN ('OVERDOSE', 'DIRECT')),
  incident_id uuid,
  ordinal integer,
  given_at timestamptz NOT NULL,
  given_by text NOT NULL CHECK (given_by IN ('POLICE', 'PARAMEDIC', 'PEER', 'STAFF', 'OTHER')),
  holder_agency_code text,
  doses integer NOT NULL CHECK (doses BETWEEN 1 AND 50),
  route text NOT NULL CHECK (route IN ('NASAL', 'INJECTED')),
  outcome text NOT NULL CHECK (outcome IN ('SURVIVED', 'DIED', 'NOT_KNOWN')),
  lad_code text,
  recorded_at timestamptz NOT NULL,
  CHECK ((source = 'OVERDOSE') = (incident_id IS NOT NULL AND ordinal IS NOT NULL)),
  UNIQUE (incident_id, ordinal)
);
CREATE INDEX administration_given ON naloxone.administration (given_at);

-- A kit to reissue to a holder whose kit was used at an overdose: one per incident and holder agency, however often
-- the event arrives. owner_agency is the agency keeping that holder's ledger (or the holder agency itself when no
-- ledger has it yet). done_at is set when the kit has been reissued.
CREATE TABLE naloxone.reissue_task (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  holder_agency_code text NOT NULL,
  holder_id uuid REFERENCES naloxone.holder (id),
  incident_id uuid NOT NULL,
  given_by text NOT NULL,
  doses integer NOT NULL CHECK (doses >= 1),
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by text,
  UNIQUE (incident_id, holder_agency_code)
);
CREATE INDEX reissue_task_open ON naloxone.reissue_task (owner_agency) WHERE done_at IS NULL;

-- The naloxone lead records the ledger, training and administrations (write) and takes out figures (export).
INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('NALOXONE_LEAD', 'NALOXONE', 'WRITE', 'HEALTH')
) AS g (role, capability, action, purpose) ON g.role = r.name
ON CONFLICT DO NOTHING;
