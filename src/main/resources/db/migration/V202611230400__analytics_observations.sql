-- Events other modules hand to the spike detector, and the spikes it found (with the quiet period it keeps).
-- No person is stored: where, when, what kind, how many. Points are kept for the detector and never given out.

CREATE SCHEMA IF NOT EXISTS analytics;

CREATE TABLE analytics.observation (
  id           UUID PRIMARY KEY,
  source       TEXT NOT NULL,
  source_id    TEXT NOT NULL,
  category     TEXT NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  lat          DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon          DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
  weight       INT NOT NULL CHECK (weight >= 1),
  lad_code     TEXT,
  ward_code    TEXT,
  lsoa_code    TEXT,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX observation_time_idx ON analytics.observation (occurred_at);

CREATE TABLE analytics.spike (
  id            UUID PRIMARY KEY,
  category      TEXT NOT NULL,
  method        TEXT NOT NULL CHECK (method IN ('RULE', 'SCAN')),
  area_level    TEXT NOT NULL,
  area_code     TEXT NOT NULL,
  area_name     TEXT NOT NULL,
  area_codes    TEXT NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end    TIMESTAMP WITH TIME ZONE NOT NULL,
  observed      BIGINT NOT NULL,
  expected      DOUBLE PRECISION NOT NULL,
  p_value       DOUBLE PRECISION,
  detected_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX spike_quiet_idx ON analytics.spike (category, area_code, detected_at);
