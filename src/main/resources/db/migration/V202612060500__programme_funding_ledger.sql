-- The funding ledger (recommendation 2: audit the legacy, pool funds, commission jointly): funding streams with their
-- amounts per financial year, the services they pay for, allocations of a stream's year to a service, and the
-- services' outputs as the modules that deliver them report them in their events. Money is held in pence.

-- A source of money: a commissioner's grant, the public health grant, a community safety partnership, proceeds of
-- crime reinvested... Owned by the agency that recorded it, held for public health intelligence.
CREATE TABLE programme.funding_stream (
  id            UUID PRIMARY KEY,
  owner_agency  TEXT NOT NULL,
  purpose       TEXT NOT NULL CHECK (purpose = 'PUBLIC_HEALTH_INTELLIGENCE'),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind          TEXT NOT NULL CHECK (kind IN ('PCC_GRANT', 'PUBLIC_HEALTH_GRANT', 'COMMUNITY_SAFETY_PARTNERSHIP',
                  'PROCEEDS_OF_CRIME', 'DRUG_STRATEGY_GRANT', 'NHS', 'OTHER')),
  funder        TEXT NOT NULL CHECK (length(funder) BETWEEN 1 AND 200),
  recorded_by   TEXT NOT NULL,
  recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (owner_agency, name)
);

-- What a stream brings in one financial year (year = the calendar year it starts in: 2026 is April 2026 to March 2027).
CREATE TABLE programme.funding_amount (
  stream_id  UUID NOT NULL REFERENCES programme.funding_stream (id),
  year       INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  pence      BIGINT NOT NULL CHECK (pence >= 0 AND pence <= 100000000000),
  PRIMARY KEY (stream_id, year)
);

-- A service money pays for, delivered in one local authority district, of a kind whose outputs the modules report.
CREATE TABLE programme.funded_service (
  id             UUID PRIMARY KEY,
  owner_agency   TEXT NOT NULL,
  purpose        TEXT NOT NULL CHECK (purpose = 'PUBLIC_HEALTH_INTELLIGENCE'),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind           TEXT NOT NULL CHECK (kind IN ('CUSTODY_TESTING', 'CRIMINAL_JUSTICE_LIAISON', 'TREATMENT_PLACES',
                   'DIVERSION_NAVIGATORS', 'HEROIN_ASSISTED_TREATMENT', 'CONSUMPTION_ROOM', 'OTHER')),
  district_code  TEXT NOT NULL,
  provider       TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
  recorded_by    TEXT NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (owner_agency, name)
);

-- Money from one stream's year to one service; the allocations of a stream's year never exceed its amount (checked
-- by FundingManagement under a lock on the stream).
CREATE TABLE programme.allocation (
  id           UUID PRIMARY KEY,
  stream_id    UUID NOT NULL REFERENCES programme.funding_stream (id),
  service_id   UUID NOT NULL REFERENCES programme.funded_service (id),
  year         INT NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  pence        BIGINT NOT NULL CHECK (pence > 0 AND pence <= 100000000000),
  recorded_by  TEXT NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX allocation_year_idx ON programme.allocation (year, service_id);

-- What services produced, one row per thing that happened, from the delivering module's event: a test, an assessment,
-- a referral, a treatment start, a contract started or completed... No person, only the district and the day; the
-- source id makes a redelivered event change nothing.
CREATE TABLE programme.service_output (
  source_id      UUID NOT NULL,
  output         TEXT NOT NULL CHECK (output IN ('DRUG_TEST', 'POSITIVE_TEST', 'ASSESSMENT', 'TREATMENT_REFERRAL',
                   'TREATMENT_START', 'CONTRACT_STARTED', 'CONTRACT_COMPLETED', 'HAT_START',
                   'SUPERVISED_CONSUMPTION')),
  district_code  TEXT NOT NULL,
  happened_on    DATE NOT NULL,
  PRIMARY KEY (source_id, output)
);
CREATE INDEX service_output_idx ON programme.service_output (happened_on, district_code, output);

-- The commissioner's office keeps the ledger.
INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, 'PROGRAMME', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE' FROM agency.role r WHERE r.name = 'PROGRAMME_ANALYST';
