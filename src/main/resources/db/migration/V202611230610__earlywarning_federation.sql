-- Neighbouring regions' CAP alerts, polled from their feeds: evidence for the coordinator and the panel, never
-- re-broadcast. One row per CAP message (sender + identifier); an update is its own message that references others.
CREATE TABLE earlywarning.external_alert (
  id uuid PRIMARY KEY,
  feed text NOT NULL,
  source_url text NOT NULL,
  sender text NOT NULL,
  identifier text NOT NULL,
  sent timestamptz NOT NULL,
  status text NOT NULL,                 -- CAP status: Actual, Exercise, System, Test, Draft
  msg_type text NOT NULL,               -- CAP msgType: Alert, Update, Cancel, Ack, Error
  refs text,                            -- CAP references, as written
  event text,
  headline text,
  description text,
  instruction text,
  severity text,
  urgency text,
  certainty text,
  expires timestamptz,
  web text,
  areas text[] NOT NULL,
  gss_codes text[] NOT NULL,
  cap_xml text NOT NULL,                -- the message as received
  received_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  reviewed_by text,
  review_note text,
  UNIQUE (sender, identifier)
);
CREATE INDEX external_alert_sent ON earlywarning.external_alert (sent DESC);
CREATE INDEX external_alert_source ON earlywarning.external_alert (source_url);

-- How each configured feed is doing: the coordinator sees a feed that has stopped answering.
CREATE TABLE earlywarning.federation_feed (
  name text PRIMARY KEY,
  url text NOT NULL,
  last_polled_at timestamptz,
  last_success_at timestamptz,
  last_error text
);
