-- Fire and rescue service officers who carry naloxone, as one pool per service (recommendation 6.3 names police and
-- fire officers): coverage counts them beside police officers' pools, apart from the sectors' services.
ALTER TABLE naloxone.holder DROP CONSTRAINT holder_kind_check;
ALTER TABLE naloxone.holder ADD CONSTRAINT holder_kind_check CHECK (kind IN ('DRUG_SERVICE', 'PHARMACY', 'HOSTEL',
  'CUSTODY_SUITE', 'POLICE_OFFICERS', 'FIRE_OFFICERS', 'PRISON', 'AMBULANCE', 'HOSPITAL', 'OTHER'));
