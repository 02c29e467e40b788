-- Onward referrals to heroin-assisted treatment (issue 16 item 1): treatment staff refer a person on a scheme's
-- treatment condition to a HAT clinic, against the pseudonymised treatment link, with the person's consent and its day.
-- Held for HEALTH: the police agency that runs the scheme never reads it, and nothing comes back from the clinic.
CREATE TABLE diversion.hat_referral (
  id uuid PRIMARY KEY,                         -- also the id of the event the clinic takes it in by
  reference text NOT NULL UNIQUE REFERENCES diversion.treatment_link (reference),
  sending_agency text NOT NULL,
  clinic_agency text NOT NULL,
  consent_on date NOT NULL,
  referred_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (consent_on <= referred_on)
);
