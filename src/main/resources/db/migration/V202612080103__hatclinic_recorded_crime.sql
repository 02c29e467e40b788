-- Recorded crime through a pseudonymised link with a recorded legal basis (issue 16 item 4).
--
-- The legal basis, once per agreement: the data-sharing agreement (agency.sharing_agreement, recorded by an
-- administrator under the access model) under which the police force shares recorded crime with the clinic, and its
-- legal basis text as it stood when the clinic relied on it.
CREATE TABLE hatclinic.crime_link_basis (
  id uuid PRIMARY KEY,
  owner_agency text NOT NULL,                  -- the clinic
  force_agency text NOT NULL,
  agreement_id uuid NOT NULL,
  agreement_reference text NOT NULL,
  legal_basis text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  UNIQUE (owner_agency, agreement_id)
);

-- A client's link to a force's recorded crime: the keyed hash (HMAC-SHA256, hex) of the force's code and the police
-- person identifier, with a key held outside the database. The identifier itself is never stored.
CREATE TABLE hatclinic.crime_link (
  enrolment_id uuid NOT NULL REFERENCES hatclinic.enrolment (id),
  force_agency text NOT NULL,
  pseudonym text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
  basis_id uuid NOT NULL REFERENCES hatclinic.crime_link_basis (id),
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (enrolment_id, force_agency)
);
CREATE INDEX crime_link_pseudonym ON hatclinic.crime_link (force_agency, pseudonym);

-- What the force sends: recorded offences per pseudonym per month, for everyone in its data (so that sending says
-- nothing about who is in treatment). A month sent again replaces the count.
CREATE TABLE hatclinic.recorded_crime (
  force_agency text NOT NULL,
  pseudonym text NOT NULL CHECK (pseudonym ~ '^[0-9a-f]{64}$'),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  offences integer NOT NULL CHECK (offences BETWEEN 0 AND 1000),
  received_by text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (force_agency, pseudonym, month)
);

-- Who sends the counts: a police force's analyst or the force's system (an API client issued with the same grant).
-- Clinic write for POLICING lets them send and nothing else: HatPolicy never lets law enforcement read a record.
INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'RECORDED_CRIME_SENDER', 'Recorded crime sender (police force)', 'Sends recorded offences per pseudonym and month for the heroin-assisted treatment evaluation; reads nothing back.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, 'HAT_CLINIC', 'WRITE', 'POLICING' FROM agency.role r WHERE r.name = 'RECORDED_CRIME_SENDER';
