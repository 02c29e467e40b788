-- Agencies, their staff, roles and API clients.

CREATE SCHEMA IF NOT EXISTS agency;

CREATE TABLE agency.agency (
  id       UUID PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name     TEXT NOT NULL,
  type     TEXT NOT NULL,
  active   BOOLEAN NOT NULL DEFAULT TRUE,
  version  INT NOT NULL
);

CREATE TABLE agency.role (
  id           UUID PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE CHECK (name ~ '^[A-Z][A-Z0-9_]{1,63}$'),
  title        TEXT NOT NULL,
  description  TEXT NOT NULL,
  version      INT NOT NULL
);

CREATE TABLE agency.role_grant (
  role        UUID NOT NULL REFERENCES agency.role (id) ON DELETE CASCADE,
  capability  TEXT NOT NULL,
  action      TEXT NOT NULL,
  purpose     TEXT,
  UNIQUE NULLS NOT DISTINCT (role, capability, action, purpose)
);

CREATE TABLE agency.staff (
  id               UUID PRIMARY KEY,
  username         TEXT NOT NULL,
  display_name     TEXT NOT NULL,
  email            TEXT NOT NULL,
  agency           UUID NOT NULL REFERENCES agency.agency (id),
  password_hash    TEXT,
  enabled          BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts  INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMP WITH TIME ZONE,
  last_sign_in     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  version          INT NOT NULL
);
CREATE UNIQUE INDEX staff_username_idx ON agency.staff (lower(username));
CREATE UNIQUE INDEX staff_email_idx ON agency.staff (lower(email));
CREATE INDEX staff_agency_idx ON agency.staff (agency);

CREATE TABLE agency.staff_role (
  staff  UUID NOT NULL REFERENCES agency.staff (id) ON DELETE CASCADE,
  role   UUID NOT NULL REFERENCES agency.role (id),
  PRIMARY KEY (staff, role)
);

CREATE TABLE agency.api_client (
  id            UUID PRIMARY KEY,
  name          TEXT NOT NULL,
  agency        UUID NOT NULL REFERENCES agency.agency (id),
  token_hash    CHAR(64) NOT NULL UNIQUE,
  token_prefix  TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at    TIMESTAMP WITH TIME ZONE,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  version       INT NOT NULL
);

CREATE TABLE agency.api_client_grant (
  api_client  UUID NOT NULL REFERENCES agency.api_client (id) ON DELETE CASCADE,
  capability  TEXT NOT NULL,
  action      TEXT NOT NULL,
  purpose     TEXT,
  UNIQUE NULLS NOT DISTINCT (api_client, capability, action, purpose)
);
