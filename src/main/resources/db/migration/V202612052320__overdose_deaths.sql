-- Drug-related deaths as coroners find them (issue 14, item 2). The date of death and the date the death was
-- registered are kept apart: ONS publishes by year of registration, and an inquest can take a year or more, so counts
-- by occurrence and by registration differ. The Misuse of Drugs Act status is a field of the finding because the
-- substance vocabulary does not hold it (docs/overdose-deaths.md gives the rule applied).
CREATE TABLE overdose.death_finding (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,                  -- the coroner's service (or agency) that reported it
  purpose text NOT NULL CHECK (purpose IN ('HEALTH')),
  source_reference text NOT NULL,              -- the coroner's own case reference: a re-sent finding is kept once
  date_of_death date NOT NULL,
  date_of_registration date,                   -- null until the death is registered
  lad_code text NOT NULL,                      -- the district of usual residence, as ONS counts
  underlying_cause text NOT NULL,              -- ICD-10 code of the underlying cause, e.g. X42 or F11.2
  substances text[] NOT NULL DEFAULT '{}',     -- toxicology: the vocabulary's names, or the words given
  substance_classes text[] NOT NULL DEFAULT '{}',
  controlled_under_mda boolean,                -- any substance found controlled under the Misuse of Drugs Act 1971;
                                               -- null when the coroner did not say
  drug_poisoning boolean NOT NULL,             -- within ONS's "related to drug poisoning" (from the cause)
  drug_misuse boolean NOT NULL,                -- within ONS's "drug misuse" definition
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (date_of_registration IS NULL OR date_of_registration >= date_of_death),
  UNIQUE (owner_agency, source_reference)
);
CREATE INDEX death_finding_registration ON overdose.death_finding (owner_agency, date_of_registration);
CREATE INDEX death_finding_death ON overdose.death_finding (owner_agency, date_of_death);
