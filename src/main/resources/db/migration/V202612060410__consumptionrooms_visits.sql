-- Drug consumption rooms: sites, supervised visits, overdoses managed in the room and referrals. Every row is a health
-- record owned by the site's agency (purpose HEALTH); a client is known only by the site's pseudonymous client code,
-- never by name, and no law-enforcement reader ever sees a row.
CREATE TABLE consumptionrooms.site (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  name text NOT NULL,
  lad_code text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  booths integer NOT NULL CHECK (booths BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL,
  UNIQUE (owner_agency, name)
);

CREATE TABLE consumptionrooms.visit (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  purpose text NOT NULL DEFAULT 'HEALTH' CHECK (purpose = 'HEALTH'),
  site_id uuid NOT NULL REFERENCES consumptionrooms.site (id),
  client_code text NOT NULL,
  time_in timestamptz NOT NULL,
  time_out timestamptz,
  substances text[] NOT NULL,
  route text NOT NULL CHECK (route IN ('INJECTED', 'SMOKED', 'SNORTED', 'ORAL')),
  booth text,
  otherwise text NOT NULL CHECK (otherwise IN ('PUBLIC_PLACE', 'HOME', 'SOMEONE_ELSES_HOME', 'HOSTEL', 'WOULD_NOT_HAVE_USED', 'OTHER')),
  housing text NOT NULL CHECK (housing IN ('SETTLED', 'HOUSING_PROBLEM', 'HOMELESS', 'NOT_KNOWN')),
  supervision_notes text,
  drug_checking_offered boolean NOT NULL,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  CHECK (time_out IS NULL OR time_out >= time_in)
);
CREATE INDEX visit_owner_time ON consumptionrooms.visit (owner_agency, time_in DESC);
CREATE INDEX visit_client ON consumptionrooms.visit (owner_agency, client_code, time_in DESC);

-- An overdose managed in the room during a visit; overdose surveillance and the naloxone ledger hear of it by event.
CREATE TABLE consumptionrooms.room_overdose (
  id uuid PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES consumptionrooms.visit (id),
  owner_agency text NOT NULL,
  occurred_at timestamptz NOT NULL,
  oxygen boolean NOT NULL,
  naloxone_doses integer NOT NULL CHECK (naloxone_doses BETWEEN 0 AND 20),
  naloxone_route text CHECK (naloxone_route IN ('NASAL', 'INJECTED')),
  ambulance_called boolean NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('RECOVERED_ON_SITE', 'TO_HOSPITAL', 'DIED')),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  CHECK ((naloxone_doses = 0) = (naloxone_route IS NULL))
);
CREATE INDEX room_overdose_visit ON consumptionrooms.room_overdose (visit_id);

CREATE TABLE consumptionrooms.referral (
  id uuid PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES consumptionrooms.visit (id),
  owner_agency text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('TREATMENT', 'HOUSING', 'BBV_TESTING', 'PRIMARY_CARE')),
  made_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('PENDING', 'ATTENDED', 'DID_NOT_ATTEND', 'DECLINED')),
  outcome_on date,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX referral_visit ON consumptionrooms.referral (visit_id);
CREATE INDEX referral_owner ON consumptionrooms.referral (owner_agency, made_on);
