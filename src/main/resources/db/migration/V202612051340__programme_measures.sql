-- The programme's outcome indicators: a read model of early warning and dissemination, kept up to date by their events
-- (programme/internal/MeasuresProjection) and never read by them. Backfilled once here from their tables, so that the
-- figures shown before the read model existed do not change; from now on only events write these tables.

CREATE SCHEMA IF NOT EXISTS programme;

-- Every signal early warning opened: when, how urgent it is now, and where it is in its life (OPEN, VALIDATED, then
-- DISMISSED or GRADED). opened_at is NULL only while a later event has arrived before SignalOpened.
CREATE TABLE programme.signal (
  signal_id   UUID PRIMARY KEY,
  opened_at   TIMESTAMP WITH TIME ZONE,
  urgency     TEXT NOT NULL CHECK (urgency IN ('ROUTINE', 'HIGH', 'URGENT')),
  status      TEXT NOT NULL CHECK (status IN ('OPEN', 'VALIDATED', 'DISMISSED', 'GRADED'))
);
CREATE INDEX signal_open_idx ON programme.signal (opened_at) WHERE status IN ('OPEN', 'VALIDATED');
CREATE INDEX signal_opened_idx ON programme.signal (opened_at);

-- The first issue of every alert, with its level and the time its signal's earliest evidence happened.
CREATE TABLE programme.alert_first_issue (
  alert_id           UUID PRIMARY KEY,
  level              TEXT NOT NULL,
  exercise           BOOLEAN NOT NULL,
  issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  first_evidence_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX alert_first_issue_issued_idx ON programme.alert_first_issue (issued_at);

-- Deliveries of one issue (alert and version), as last counted by dissemination: counted_at orders the counts, so an
-- older count arriving late never overwrites a newer one.
CREATE TABLE programme.alert_delivery (
  alert_id           UUID NOT NULL,
  version            INT NOT NULL,
  queued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  deliveries         BIGINT NOT NULL,
  sent               BIGINT NOT NULL,
  dead               BIGINT NOT NULL,
  professional_sent  BIGINT NOT NULL,
  counted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (alert_id, version)
);
CREATE INDEX alert_delivery_queued_idx ON programme.alert_delivery (queued_at);

-- What recipients said about one delivery: acknowledged (professionals) and "was this useful?". No recipient, no text.
CREATE TABLE programme.delivery_response (
  delivery_id       BIGINT PRIMARY KEY,
  queued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged      BOOLEAN NOT NULL DEFAULT FALSE,
  feedback          BOOLEAN NOT NULL DEFAULT FALSE,
  useful            BOOLEAN NOT NULL DEFAULT FALSE,
  changed_practice  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX delivery_response_queued_idx ON programme.delivery_response (queued_at);

-- The backfill: once, from the tables of the modules that publish the events.
INSERT INTO programme.signal (signal_id, opened_at, urgency, status)
SELECT id, opened_at, urgency, status FROM earlywarning.signal;

INSERT INTO programme.alert_first_issue (alert_id, level, exercise, issued_at, first_evidence_at)
SELECT a.id, m.level, a.exercise, m.issued_at, s.first_evidence_at
FROM earlywarning.alert_message m
JOIN earlywarning.alert a ON a.id = m.alert_id
LEFT JOIN earlywarning.signal s ON s.id = a.signal_id
WHERE m.issued AND m.version = 1;

INSERT INTO programme.alert_delivery (alert_id, version, queued_at, deliveries, sent, dead, professional_sent, counted_at)
SELECT alert_id, version, min(created_at), count(*), count(*) FILTER (WHERE state = 'SENT'),
  count(*) FILTER (WHERE state = 'DEAD'), count(*) FILTER (WHERE state = 'SENT' AND audience = 'PROFESSIONALS'),
  clock_timestamp()
FROM dissemination.delivery GROUP BY alert_id, version;

INSERT INTO programme.delivery_response (delivery_id, queued_at, acknowledged, feedback, useful, changed_practice)
SELECT d.id, d.created_at, d.acknowledged_at IS NOT NULL, f.delivery_id IS NOT NULL, COALESCE(f.useful, FALSE),
  COALESCE(f.changed_action, FALSE)
FROM dissemination.delivery d LEFT JOIN dissemination.feedback f ON f.delivery_id = d.id
WHERE d.acknowledged_at IS NOT NULL OR f.delivery_id IS NOT NULL;
