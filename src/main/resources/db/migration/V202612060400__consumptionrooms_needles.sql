-- Discarded needles: reports from the public (the web form, or Open311 GeoReport v2 from FixMyStreet and councils'
-- own systems) and the council's sweeps. A report carries a point, what the reporter wrote, an optional photo
-- (re-encoded without its metadata) and no reporter: no name, no contact, no address of the client. It belongs to the
-- council that answers for the district it lies in (owner_agency; NULL while no council is set for that district), for
-- public health intelligence. reference is the Open311 service_request_id.
CREATE SCHEMA consumptionrooms;

-- The council that sweeps each district, and how many hours it has to answer a report (its service level).
CREATE TABLE consumptionrooms.council (
  lad_code text PRIMARY KEY,
  agency_code text NOT NULL,
  service_level_hours integer NOT NULL CHECK (service_level_hours BETWEEN 1 AND 2160),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

CREATE SEQUENCE consumptionrooms.needle_reference START 1001;

CREATE TABLE consumptionrooms.needle_report (
  id uuid PRIMARY KEY,
  reference bigint NOT NULL UNIQUE DEFAULT nextval('consumptionrooms.needle_reference'),
  owner_agency text,
  channel text NOT NULL CHECK (channel IN ('WEB', 'OPEN311')),
  lat double precision,
  lon double precision,
  lad_code text,
  lsoa_code text,
  description text,
  media_url text,
  photo bytea,
  photo_type text,
  status text NOT NULL CHECK (status IN ('OPEN', 'COLLECTED', 'NOT_FOUND')),
  status_notes text,
  reported_at timestamptz NOT NULL,
  due_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL,
  needles integer NOT NULL DEFAULT 0,
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX needle_report_owner_status ON consumptionrooms.needle_report (owner_agency, status, reported_at DESC);
CREATE INDEX needle_report_reported ON consumptionrooms.needle_report (reported_at DESC);
CREATE INDEX needle_report_lad ON consumptionrooms.needle_report (lad_code, reported_at);

-- A council's visit to a report's place: whether anything was found, how many needles were collected, and when.
CREATE TABLE consumptionrooms.sweep (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES consumptionrooms.needle_report (id),
  owner_agency text NOT NULL,
  found boolean NOT NULL,
  collected integer NOT NULL CHECK (collected BETWEEN 0 AND 100000),
  swept_at timestamptz NOT NULL,
  notes text,
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL
);
CREATE INDEX sweep_report ON consumptionrooms.sweep (report_id, swept_at);

-- Council staff who sweep needles: their council's reports, for public health intelligence (no health record, no
-- policing purpose).
INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'NEEDLE_SWEEPER', 'Needle sweeper (council)', 'Sees the council''s discarded-needle reports and records sweeps. Sees no consumption-room visit.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('NEEDLE_SWEEPER', 'CONSUMPTION_ROOMS', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('NEEDLE_SWEEPER', 'CONSUMPTION_ROOMS', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('NEEDLE_SWEEPER', 'GEOGRAPHY', 'READ', 'PUBLIC')
) AS g (role, capability, action, purpose) ON g.role = r.name;
