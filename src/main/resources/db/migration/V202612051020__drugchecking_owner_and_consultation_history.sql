-- Every drug-checking session has an owning agency: the service that ran it. Its samples, results, photos and
-- consultations are that agency's records; another agency reads or changes them only under a data-sharing agreement.
ALTER TABLE drugchecking.session ADD COLUMN owner_agency TEXT;

-- Existing sessions belong to the agency of the member of staff who created them; a session created by an API client
-- or by someone since removed goes to the region's first drug-checking service (by name), so that it stays with a
-- health service and is not opened to anyone new.
UPDATE drugchecking.session s SET owner_agency = a.code
FROM agency.staff st JOIN agency.agency a ON a.id = st.agency
WHERE lower(st.username) = lower(s.created_by);
UPDATE drugchecking.session SET owner_agency = coalesce(
    (SELECT code FROM agency.agency WHERE type = 'DRUG_CHECKING_SERVICE' ORDER BY name LIMIT 1), 'UNASSIGNED')
WHERE owner_agency IS NULL;
ALTER TABLE drugchecking.session ALTER COLUMN owner_agency SET NOT NULL;
CREATE INDEX session_owner_idx ON drugchecking.session (owner_agency);

-- A consultation keeps its history: every change and removal of the advice, disposal, intended change or referral
-- leaves the earlier version here, whoever made it and however (form, field sync, API).
CREATE TABLE drugchecking.consultation_history (
  sample_id uuid NOT NULL REFERENCES drugchecking.sample (id),
  advice text NOT NULL,
  disposed boolean,
  intended_change text,
  referral text,
  given_at timestamptz NOT NULL,
  given_by text NOT NULL,
  client_id uuid,
  replaced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_history_sample_idx ON drugchecking.consultation_history (sample_id, given_at);

CREATE FUNCTION drugchecking.keep_consultation_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO drugchecking.consultation_history (sample_id, advice, disposed, intended_change, referral, given_at,
    given_by, client_id)
  VALUES (OLD.sample_id, OLD.advice, OLD.disposed, OLD.intended_change, OLD.referral, OLD.given_at, OLD.given_by,
    OLD.client_id);
  RETURN NULL;
END $$;

CREATE TRIGGER consultation_changed AFTER UPDATE ON drugchecking.consultation
FOR EACH ROW WHEN ((OLD.advice, OLD.disposed, OLD.intended_change, OLD.referral, OLD.given_at, OLD.given_by)
  IS DISTINCT FROM (NEW.advice, NEW.disposed, NEW.intended_change, NEW.referral, NEW.given_at, NEW.given_by))
EXECUTE FUNCTION drugchecking.keep_consultation_history();
CREATE TRIGGER consultation_removed AFTER DELETE ON drugchecking.consultation
FOR EACH ROW EXECUTE FUNCTION drugchecking.keep_consultation_history();
