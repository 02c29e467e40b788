-- A consumption room's evaluation compares the places around it before and after it opened, in the hours it is open:
-- the day it opened and its daily hours (closes before opens means it is open past midnight).
ALTER TABLE consumptionrooms.site ADD COLUMN opened_on date;
ALTER TABLE consumptionrooms.site ADD COLUMN opens_at time;
ALTER TABLE consumptionrooms.site ADD COLUMN closes_at time;
ALTER TABLE consumptionrooms.site ADD CONSTRAINT site_hours_together
  CHECK ((opened_on IS NULL) = (opens_at IS NULL) AND (opens_at IS NULL) = (closes_at IS NULL) AND (opens_at IS NULL OR opens_at <> closes_at));

-- Needle maps read finds of a district and a period; evaluations read finds in a box around a site.
CREATE INDEX needle_report_place ON consumptionrooms.needle_report (lat, reported_at) WHERE lat IS NOT NULL;
