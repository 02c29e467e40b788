-- The panel's outcome on a validated signal (PanelOutcome), with its rationale; status becomes GRADED.
ALTER TABLE earlywarning.signal
  ADD COLUMN outcome text,
  ADD COLUMN outcome_rationale text,
  ADD COLUMN graded_at timestamptz;
