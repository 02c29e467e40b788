-- Alert dissemination: who subscribes to alerts, each issued alert as it was sent, one delivery row per recipient per
-- channel (the idempotency key makes a second fan-out of the same issue a no-op), acknowledgements and feedback.

CREATE SCHEMA IF NOT EXISTS dissemination;

-- kind: PUBLIC (an email address or mobile number, double opt-in), PROFESSIONAL (staff of an agency and/or role,
-- resolved to their emails at send time) or WEBHOOK (a partner system's URL and shared secret).
CREATE TABLE dissemination.subscription (
  id                   UUID PRIMARY KEY,
  kind                 TEXT NOT NULL CHECK (kind IN ('PUBLIC', 'PROFESSIONAL', 'WEBHOOK')),
  channel              TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WEBHOOK')),
  address              TEXT,
  name                 TEXT,
  agency_code          TEXT,
  role_name            TEXT,
  secret               TEXT,
  lad_codes            TEXT[] NOT NULL DEFAULT '{}',
  substance_classes    TEXT[] NOT NULL DEFAULT '{}',
  confirm_token_hash   TEXT UNIQUE,
  confirm_expires_at   TIMESTAMP WITH TIME ZONE,
  confirmed_at         TIMESTAMP WITH TIME ZONE,
  unsubscribe_token    TEXT NOT NULL UNIQUE,
  active               BOOLEAN NOT NULL DEFAULT TRUE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (kind <> 'PUBLIC' OR address IS NOT NULL),
  CHECK (kind <> 'WEBHOOK' OR (address IS NOT NULL AND secret IS NOT NULL))
);
-- One public subscription per address and channel, so subscribing twice never makes a second one.
CREATE UNIQUE INDEX subscription_public_address_idx ON dissemination.subscription (channel, lower(address))
  WHERE kind = 'PUBLIC';

-- Each issue (alert and version) as the event described it: the sender renders messages from this.
CREATE TABLE dissemination.alert_issue (
  alert_id             UUID NOT NULL,
  version              INT NOT NULL,
  reference            TEXT NOT NULL,
  message_type         TEXT NOT NULL,
  level                TEXT NOT NULL,
  audiences            TEXT[] NOT NULL,
  exercise             BOOLEAN NOT NULL,
  headline             TEXT NOT NULL,
  look_out_for         TEXT NOT NULL,
  public_advice        TEXT NOT NULL,
  professional_advice  TEXT NOT NULL,
  sms_text             TEXT NOT NULL,
  lad_codes            TEXT[] NOT NULL,
  substance_classes    TEXT[] NOT NULL,
  substances           TEXT[] NOT NULL,
  web_path             TEXT NOT NULL,
  issued_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at           TIMESTAMP WITH TIME ZONE,
  received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (alert_id, version)
);

-- state: PENDING -> SENDING (claimed until claimed_until) -> SENT, or FAILED (retried at next_attempt_at) -> DEAD.
CREATE TABLE dissemination.delivery (
  id                BIGSERIAL PRIMARY KEY,
  idempotency_key   TEXT NOT NULL UNIQUE,
  alert_id          UUID NOT NULL,
  version           INT NOT NULL,
  channel           TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WEBHOOK')),
  recipient         TEXT NOT NULL,
  audience          TEXT NOT NULL CHECK (audience IN ('PROFESSIONALS', 'PUBLIC', 'PARTNER')),
  subscription_id   UUID REFERENCES dissemination.subscription (id) ON DELETE SET NULL,
  staff_id          UUID,
  agency_code       TEXT,
  key_role          BOOLEAN NOT NULL DEFAULT FALSE,
  state             TEXT NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
  attempts          INT NOT NULL DEFAULT 0,
  next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until     TIMESTAMP WITH TIME ZONE,
  provider_id       TEXT,
  last_error        TEXT,
  sent_at           TIMESTAMP WITH TIME ZONE,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  token             TEXT NOT NULL UNIQUE,
  acknowledged_at   TIMESTAMP WITH TIME ZONE,
  escalated_at      TIMESTAMP WITH TIME ZONE,
  FOREIGN KEY (alert_id, version) REFERENCES dissemination.alert_issue (alert_id, version)
);
-- The sender's queue: only rows that may still need work are indexed.
CREATE INDEX delivery_due_idx ON dissemination.delivery (next_attempt_at, id) WHERE state IN ('PENDING', 'FAILED');
CREATE INDEX delivery_sending_idx ON dissemination.delivery (claimed_until) WHERE state = 'SENDING';
CREATE INDEX delivery_alert_idx ON dissemination.delivery (alert_id, version);
CREATE INDEX delivery_escalation_idx ON dissemination.delivery (sent_at)
  WHERE key_role AND acknowledged_at IS NULL AND escalated_at IS NULL;

CREATE TABLE dissemination.feedback (
  delivery_id      BIGINT PRIMARY KEY REFERENCES dissemination.delivery (id),
  useful           BOOLEAN NOT NULL,
  changed_action   BOOLEAN NOT NULL,
  comment          TEXT,
  given_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
