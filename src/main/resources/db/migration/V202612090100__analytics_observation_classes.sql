-- An observation may carry classes (issue 14 "Performance"): an overdose is stored as one row, category OVERDOSE with
-- classes {OPIOID, HIGH_POTENCY_SYNTHETIC_OPIOID}, instead of three (OVERDOSE, OVERDOSE:OPIOID,
-- OVERDOSE:HIGH_POTENCY_SYNTHETIC_OPIOID). A million-row import wrote 3.2 observation rows per incident, most of the
-- database's work. Readers that count per class read the view below, which gives back exactly the rows as they were
-- (one per category and per category:class), so their answers do not change; rows stored before keep their old form
-- and read the same.
ALTER TABLE analytics.observation ADD COLUMN classes TEXT[] NOT NULL DEFAULT '{}';

-- Each observation once under its category and once more under category:class for each of its classes.
CREATE VIEW analytics.observation_by_category AS
SELECT o.id, o.source, o.source_id, o.category AS base_category, c.category, o.occurred_at, o.lat, o.lon, o.weight,
       o.lad_code, o.ward_code, o.lsoa_code, o.recorded_at, o.tag
FROM analytics.observation o
CROSS JOIN LATERAL (SELECT o.category UNION ALL SELECT o.category || ':' || x FROM unnest(o.classes) AS x) AS c (category);
