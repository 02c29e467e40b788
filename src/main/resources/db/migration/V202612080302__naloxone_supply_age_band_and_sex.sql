-- The age band and sex of the person a kit is supplied to, both optional, so that coverage can be given by age band
-- and sex (recommendation 6.2) as overdoses are; the bands and values are those of overdose incidents.
ALTER TABLE naloxone.movement ADD COLUMN age_band text CHECK (age_band IN ('UNDER_18', 'AGE_18_24', 'AGE_25_34',
  'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS'));
ALTER TABLE naloxone.movement ADD COLUMN sex text CHECK (sex IN ('FEMALE', 'MALE', 'OTHER'));
ALTER TABLE naloxone.movement ADD CONSTRAINT movement_person_supplied
  CHECK (kind = 'SUPPLIED' OR (age_band IS NULL AND sex IS NULL));
