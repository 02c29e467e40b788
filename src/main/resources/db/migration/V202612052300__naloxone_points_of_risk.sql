-- Points of risk: how many people left each point (prison release, bail hostel, homeless shelter, hospital discharge
-- after an overdose, leaving treatment, custody release) at a holder in a month, as a count the holder's naloxone lead
-- collects from the point's own routine figures (releases, discharges, leavers). No person is named: the people who
-- left with a kit are the ledger's supplies at that point (naloxone.movement.release_point). A count entered again
-- for the same holder, point and month replaces the one before (a correction), so the figures never count it twice.
CREATE TABLE naloxone.leavers (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,
  holder_id uuid NOT NULL REFERENCES naloxone.holder (id),
  release_point text NOT NULL CHECK (release_point IN ('PRISON_RELEASE', 'BAIL_HOSTEL', 'HOMELESS_SHELTER',
    'HOSPITAL_DISCHARGE', 'LEAVING_TREATMENT', 'CUSTODY_RELEASE')),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  people integer NOT NULL CHECK (people BETWEEN 0 AND 100000),
  recorded_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  UNIQUE (holder_id, release_point, month)
);
CREATE INDEX leavers_month ON naloxone.leavers (month);

-- Hospitals hold kits for people discharged after an overdose.
ALTER TABLE naloxone.holder DROP CONSTRAINT holder_kind_check;
ALTER TABLE naloxone.holder ADD CONSTRAINT holder_kind_check CHECK (kind IN ('DRUG_SERVICE', 'PHARMACY', 'HOSTEL',
  'CUSTODY_SUITE', 'POLICE_OFFICERS', 'PRISON', 'AMBULANCE', 'HOSPITAL', 'OTHER'));
