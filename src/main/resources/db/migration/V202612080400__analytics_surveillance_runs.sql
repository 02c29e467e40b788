-- The daily surveillance run (issue 14 item 3): each run, the alarms the temporal methods raised per district and
-- substance class, the LSOAs Gi* found to be hot spots of overdose rates, and the detector's and scan's clusters it
-- reported. Counts and areas only: no person, no point.

-- The run's temporal alarms are published as SpikeDetected with their method's name and kept in analytics.spike for
-- the detector's quiet period, so the spike table takes those methods too.
ALTER TABLE analytics.spike DROP CONSTRAINT spike_method_check;
ALTER TABLE analytics.spike ADD CONSTRAINT spike_method_check
  CHECK (method IN ('RULE', 'SCAN', 'EARS_C1', 'EARS_C2', 'EARS_C3', 'CUSUM', 'FARRINGTON'));

CREATE TABLE analytics.surveillance_run (
  id               UUID PRIMARY KEY,
  run_day          DATE NOT NULL,
  trigger          TEXT NOT NULL CHECK (trigger IN ('SCHEDULE', 'ON_DEMAND')),
  requested_by     TEXT,
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  duration_ms      BIGINT NOT NULL CHECK (duration_ms >= 0),
  observations     BIGINT NOT NULL,
  series           INT NOT NULL,
  alarms           INT NOT NULL,
  new_alarms       INT NOT NULL,
  hotspots         INT NOT NULL,
  clusters         INT NOT NULL,
  scan_by_detector BOOLEAN NOT NULL
);
CREATE INDEX surveillance_run_started_idx ON analytics.surveillance_run (started_at DESC, id);

CREATE TABLE analytics.surveillance_alarm (
  run_id        UUID NOT NULL REFERENCES analytics.surveillance_run (id) ON DELETE CASCADE,
  ordinal       INT NOT NULL,
  category      TEXT NOT NULL,
  area_code     TEXT NOT NULL,
  area_name     TEXT NOT NULL,
  method        TEXT NOT NULL CHECK (method IN ('EARS_C1', 'EARS_C2', 'EARS_C3', 'CUSUM', 'FARRINGTON')),
  period_start  DATE NOT NULL,
  period_end    DATE NOT NULL,
  observed      DOUBLE PRECISION NOT NULL,
  expected      DOUBLE PRECISION,
  threshold     DOUBLE PRECISION,
  statistic     DOUBLE PRECISION,
  new_alarm     BOOLEAN NOT NULL,
  spike_id      UUID,
  PRIMARY KEY (run_id, ordinal)
);

CREATE TABLE analytics.surveillance_hotspot (
  run_id      UUID NOT NULL REFERENCES analytics.surveillance_run (id) ON DELETE CASCADE,
  lsoa_code   TEXT NOT NULL,
  lsoa_name   TEXT NOT NULL,
  lad_name    TEXT NOT NULL,
  events      BIGINT NOT NULL,
  population  INT,
  rate        DOUBLE PRECISION NOT NULL,
  z           DOUBLE PRECISION NOT NULL,
  q_value     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, lsoa_code)
);

CREATE TABLE analytics.surveillance_cluster (
  run_id        UUID NOT NULL REFERENCES analytics.surveillance_run (id) ON DELETE CASCADE,
  ordinal       INT NOT NULL,
  spike_id      UUID NOT NULL,
  method        TEXT NOT NULL,
  category      TEXT NOT NULL,
  area_level    TEXT NOT NULL,
  area_code     TEXT NOT NULL,
  area_name     TEXT NOT NULL,
  area_count    INT NOT NULL,
  window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
  window_end    TIMESTAMP WITH TIME ZONE NOT NULL,
  observed      BIGINT NOT NULL,
  expected      DOUBLE PRECISION NOT NULL,
  p_value       DOUBLE PRECISION,
  detected_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (run_id, ordinal)
);
