-- Ending treatment (issue 16 item 3): when, why, who recorded it. An ended enrolment
-- leaves the session screen and takes no more doses or prescriptions.
ALTER TABLE hatclinic.enrolment
  ADD COLUMN end_reason text CHECK (end_reason IN ('COMPLETED', 'TRANSFERRED_TO_ORAL', 'TRANSFERRED_TO_ANOTHER_SERVICE',
    'STOPPED_ATTENDING', 'DISCHARGED_BY_CLINIC', 'PRISON', 'DIED', 'MOVED_AWAY', 'OTHER')),
  ADD COLUMN end_note text CHECK (length(end_note) <= 1000),
  ADD COLUMN ended_by text,
  ADD COLUMN ended_recorded_at timestamptz,
  ADD CONSTRAINT enrolment_end_has_reason CHECK ((ended_on IS NULL) = (end_reason IS NULL));
