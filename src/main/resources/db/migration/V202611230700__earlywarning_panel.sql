-- The expert panel's grades of validated signals, and the reminders and escalations sent while grading is open.
-- A round of grading opens when the coordinator validates a signal (signal.decided_at); its deadline follows from the
-- signal's urgency (harmwatch.early-warning.panel.deadlines), so no row is needed to open it.

-- One grade per member per signal: a member who grades again replaces their grade (first_graded_at is kept).
CREATE TABLE earlywarning.panel_grade (
  signal_id uuid NOT NULL REFERENCES earlywarning.signal (id),
  username text NOT NULL,
  display_name text NOT NULL,
  evidence_strength text NOT NULL,       -- A, B, C, D (EvidenceStrength)
  harm text NOT NULL,                    -- LOW, MODERATE, HIGH, SEVERE (PotentialHarm)
  recommendation text NOT NULL,          -- PanelOutcome
  rationale text NOT NULL,
  first_graded_at timestamptz NOT NULL,
  graded_at timestamptz NOT NULL,
  PRIMARY KEY (signal_id, username)
);

-- Each reminder (to a member) and escalation (to the out-of-hours lead) is sent once: the key makes the chaser job
-- idempotent, also when two instances run it.
CREATE TABLE earlywarning.panel_chaser (
  signal_id uuid NOT NULL REFERENCES earlywarning.signal (id),
  username text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('REMINDER', 'ESCALATION')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (signal_id, username, kind)
);

-- Who recorded the panel's outcome (the coordinator).
ALTER TABLE earlywarning.signal ADD COLUMN graded_by text;
