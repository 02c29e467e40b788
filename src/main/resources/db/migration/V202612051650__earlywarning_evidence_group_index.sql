-- The cluster rule counts a district's reports of one group in a time window for every report filed; the only index
-- was (lad_code, occurred_at), so that count read every report of the district in the window (and PostgreSQL chose
-- sequential scans once a district had a few thousand). Reports only: the rule counts nothing else.
CREATE INDEX evidence_report_group ON earlywarning.evidence (lad_code, group_key, occurred_at) WHERE kind = 'REPORT';
