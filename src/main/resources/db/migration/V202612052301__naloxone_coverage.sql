-- Coverage: where a holder is (an optional point, checked to lie inside the region, and the 2021 LSOA it falls in),
-- and which sector runs it (public, private, third sector), so that supplies can be set against population and
-- deprivation by LSOA, and the holders active in each district counted by sector.
ALTER TABLE naloxone.holder ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE naloxone.holder ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180);
ALTER TABLE naloxone.holder ADD COLUMN lsoa_code text;
ALTER TABLE naloxone.holder ADD COLUMN sector text CHECK (sector IN ('PUBLIC', 'PRIVATE', 'THIRD_SECTOR'));
ALTER TABLE naloxone.holder ADD CONSTRAINT holder_point_whole CHECK ((latitude IS NULL) = (longitude IS NULL));
UPDATE naloxone.holder SET sector = CASE
  WHEN kind = 'PHARMACY' THEN 'PRIVATE'
  WHEN kind IN ('CUSTODY_SUITE', 'POLICE_OFFICERS', 'PRISON', 'AMBULANCE', 'HOSPITAL') THEN 'PUBLIC'
  ELSE 'THIRD_SECTOR' END;
ALTER TABLE naloxone.holder ALTER COLUMN sector SET NOT NULL;
