-- A duplicate signal merged into another (earlywarning's SignalMerged) stops counting in the programme's measures: the
-- backlog and "signals opened" count the survivor only. Backfilled from early warning's own record of merges.
ALTER TABLE programme.signal ADD COLUMN merged BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE programme.signal s SET merged = TRUE
FROM earlywarning.signal e
WHERE e.id = s.signal_id AND e.merged_into IS NOT NULL;

DROP INDEX programme.signal_open_idx;
CREATE INDEX signal_open_idx ON programme.signal (opened_at) WHERE status IN ('OPEN', 'VALIDATED') AND NOT merged;
