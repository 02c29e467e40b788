-- Referrals arriving by event from custody testing and diversion (issue 16 item 1). The event's id keeps the intake
-- idempotent (a second delivery inserts nothing); the source's code for the person (the treatment team's code or the
-- diversion treatment link's reference) is kept so that clinic staff can match the person with the referring worker,
-- while the clinic knows the person by a client code of its own. Clinic staff only: no policing reader reaches it.
ALTER TABLE hatclinic.referral
  ADD COLUMN event_id uuid UNIQUE,
  ADD COLUMN source_reference text CHECK (length(source_reference) <= 40),
  ADD COLUMN sending_agency text,
  ADD CONSTRAINT referral_event_has_source CHECK ((event_id IS NULL) = (source_reference IS NULL)
    AND (event_id IS NULL) = (sending_agency IS NULL));
