-- Cascade leads (the LDIS model): each agency names one member of staff who receives every alert to professionals,
-- must acknowledge it and passes it on inside the agency, and a deputy who receives it when the lead has not
-- acknowledged in time. A delivery made because of this is marked LEAD or DEPUTY.
CREATE TABLE dissemination.cascade_lead (
  agency_code      TEXT PRIMARY KEY,
  lead_staff_id    UUID NOT NULL,
  deputy_staff_id  UUID,
  named_by         TEXT NOT NULL,
  named_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (deputy_staff_id IS NULL OR deputy_staff_id <> lead_staff_id)
);

ALTER TABLE dissemination.delivery ADD COLUMN cascade TEXT CHECK (cascade IN ('LEAD', 'DEPUTY'));
CREATE INDEX delivery_cascade_idx ON dissemination.delivery (alert_id, version) WHERE cascade IS NOT NULL;
