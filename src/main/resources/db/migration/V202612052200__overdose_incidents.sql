-- Overdose incidents, fatal and non-fatal, as ambulance, emergency departments, police, consumption rooms, drug
-- services, prisons and coroners report them (issue 14, item 1). No name, address or date of birth: a person is
-- known only by a pseudonymous code per source, and only health staff of the owner (or of an agency it shares with
-- for health) ever read it or the exact point.
CREATE SCHEMA overdose;

CREATE TABLE overdose.incident (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,                  -- the agency that reported it
  purpose text NOT NULL CHECK (purpose IN ('HEALTH', 'POLICING')),
  source text NOT NULL CHECK (source IN ('AMBULANCE', 'EMERGENCY_DEPARTMENT', 'POLICE', 'CONSUMPTION_ROOM',
                                         'DRUG_SERVICE', 'PRISON', 'CORONER', 'OTHER')),
  source_reference text,                       -- the source's own id: a re-sent or re-imported incident is kept once
  occurred_at timestamptz NOT NULL,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  area_code text,                              -- the LSOA of the point, or the area named when no point is known
  area_level text,
  lad_code text,
  postcode_district text,                      -- when only a postcode district is known (or, from a file from
                                               -- elsewhere imported with "keep places", the place as written)
  fatal boolean NOT NULL,
  age_band text,
  sex text CHECK (sex IN ('FEMALE', 'MALE', 'OTHER')),
  substances text[] NOT NULL DEFAULT '{}',     -- the vocabulary's names, or the words given when not in it
  substance_classes text[] NOT NULL DEFAULT '{}',
  substance_basis text CHECK (substance_basis IN ('SUSPECTED', 'CONFIRMED')),
  outcome text CHECK (outcome IN ('REVIVED', 'CONVEYED', 'DIED')),
  person_code text,                            -- pseudonymous, per source
  repeat_within_year boolean NOT NULL DEFAULT false,
  recorded_via text NOT NULL CHECK (recorded_via IN ('FORM', 'API', 'IMPORT')),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE UNIQUE INDEX incident_source_reference ON overdose.incident (owner_agency, source_reference)
  WHERE source_reference IS NOT NULL;
CREATE INDEX incident_occurred ON overdose.incident (occurred_at DESC, id);
CREATE INDEX incident_owner_occurred ON overdose.incident (owner_agency, occurred_at DESC);
CREATE INDEX incident_person ON overdose.incident (owner_agency, source, person_code, occurred_at)
  WHERE person_code IS NOT NULL;

-- Naloxone given at an incident, in the order given.
CREATE TABLE overdose.naloxone (
  incident_id uuid NOT NULL REFERENCES overdose.incident (id) ON DELETE CASCADE,
  position int NOT NULL,
  given_by text NOT NULL CHECK (given_by IN ('POLICE', 'PARAMEDIC', 'PEER', 'STAFF', 'OTHER')),
  holder_agency text,
  doses int NOT NULL CHECK (doses BETWEEN 1 AND 20),
  route text NOT NULL CHECK (route IN ('NASAL', 'INJECTED')),
  PRIMARY KEY (incident_id, position)
);

-- Column mappings an agency saved per source of its files (an ambulance service's CAD export and its ePCR export
-- name their columns differently): the mapping offered for that source's next file.
CREATE TABLE overdose.source_mapping (
  agency_code text NOT NULL,
  source_name text NOT NULL,
  column_name text NOT NULL,
  header text NOT NULL,
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (agency_code, source_name, column_name)
);
