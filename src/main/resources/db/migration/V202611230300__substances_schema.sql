-- Substance vocabulary: substances, their classes and risk flags, and every name they go by.
-- Not personal data. The seed list is loaded by the Java migration V202611230301__substances_seed from
-- classpath:substances/seed-vocabulary.csv (the same CSV format coordinators import and export).

CREATE SCHEMA substances;

CREATE TABLE substances.substance (
  id              UUID PRIMARY KEY,
  -- Stable, readable identifier other modules store (e.g. 'fentanyl'); never changes once created.
  code            TEXT NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name            TEXT NOT NULL,
  substance_class TEXT NOT NULL,
  -- What this substance is a kind or form of: fentanyl analogues under fentanyl, crack under cocaine.
  parent          UUID REFERENCES substances.substance (id),
  pubchem_cid     BIGINT CHECK (pubchem_cid > 0),
  cas_number      TEXT CHECK (cas_number ~ '^[0-9]{2,7}-[0-9]{2}-[0-9]$'),
  notes           TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by      TEXT NOT NULL,
  CHECK (parent IS NULL OR parent <> id)
);

CREATE TABLE substances.substance_flag (
  substance UUID NOT NULL REFERENCES substances.substance (id) ON DELETE CASCADE,
  flag      TEXT NOT NULL,
  PRIMARY KEY (substance, flag)
);

-- Every name a substance goes by, its own name included (kind NAME), so that one unique index keeps any name,
-- alias or street name from belonging to two substances. term_key is the normalised form (case, accents,
-- spaces and punctuation removed) computed by the application.
CREATE TABLE substances.term (
  substance  UUID NOT NULL REFERENCES substances.substance (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('NAME', 'SYNONYM', 'STREET_NAME')),
  text       TEXT NOT NULL,
  term_key   TEXT NOT NULL UNIQUE CHECK (term_key <> ''),
  -- Codes of other substances this term is also used for (an ambiguous street name, e.g. 'china white').
  also_means TEXT[] NOT NULL DEFAULT '{}',
  position   INT NOT NULL
);
CREATE INDEX term_substance_idx ON substances.term (substance);
CREATE UNIQUE INDEX term_one_name_idx ON substances.term (substance) WHERE kind = 'NAME';

-- One row: bumped by every change, so each instance can tell cheaply whether its in-memory index is stale.
CREATE TABLE substances.vocabulary (
  id         BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  version    BIGINT NOT NULL,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO substances.vocabulary (id, version, changed_at) VALUES (TRUE, 0, now());
