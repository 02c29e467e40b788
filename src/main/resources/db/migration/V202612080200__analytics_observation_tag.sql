-- Who reported an observation, in its source's own terms (issue 16 item 8): the overdose module tags each incident's
-- observations with the incident's source (AMBULANCE, EMERGENCY_DEPARTMENT, POLICE, ...), so that a room's evaluation
-- counts ambulance call-outs only. Optional: other sources leave it empty.
ALTER TABLE analytics.observation ADD COLUMN tag TEXT CHECK (tag IS NULL OR length(tag) BETWEEN 1 AND 64);

-- Overdose observations recorded before the tag existed take their incident's source. Their source id is the
-- incident's id, or the id and a substance class ("<id>:OPIOID").
UPDATE analytics.observation o
SET tag = i.source
FROM overdose.incident i
WHERE o.source = 'overdose' AND o.tag IS NULL AND i.id::text = split_part(o.source_id, ':', 1);

-- The evaluation's question: one category and tag in a period, then a box around the site.
CREATE INDEX observation_category_tag_time_idx ON analytics.observation (category, tag, occurred_at);
