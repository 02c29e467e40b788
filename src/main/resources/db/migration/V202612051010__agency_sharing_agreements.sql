-- Data-sharing agreements (DESIGN.md, "Data protection"): every record has an owning agency, and another agency reads
-- or changes it only under a recorded agreement naming the two agencies, the capability and the access it covers,
-- the purpose the recipient holds the data for, the legal basis and the dates. Agreements are ended, never deleted,
-- so the audit log's references stay resolvable.

CREATE TABLE agency.sharing_agreement (
  id               UUID PRIMARY KEY,
  reference        TEXT NOT NULL,
  owner            UUID NOT NULL REFERENCES agency.agency (id),
  recipient        UUID NOT NULL REFERENCES agency.agency (id),
  capability       TEXT NOT NULL,
  access           TEXT NOT NULL CHECK (access IN ('READ', 'WRITE')),
  purpose          TEXT NOT NULL,
  legal_basis      TEXT NOT NULL,
  starts_on        DATE NOT NULL,
  ends_on          DATE,
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_by         TEXT,
  ended_at         TIMESTAMP WITH TIME ZONE,
  version          INT NOT NULL,
  CHECK (owner <> recipient),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX sharing_agreement_recipient_idx ON agency.sharing_agreement (recipient, capability);
