-- Onward referrals to heroin-assisted treatment (issue 16 item 1): the treatment team refers a person it took on from
-- custody to a HAT clinic, with the person's consent and its day. The team's record (HEALTH): the police agency that
-- owns the custody referral never reads it, and nothing comes back from the clinic. One per custody referral.
CREATE TABLE custodytesting.hat_referral (
  id uuid PRIMARY KEY,                         -- also the id of the event the clinic takes it in by
  referral_id uuid NOT NULL UNIQUE REFERENCES custodytesting.referral (id),
  team_agency text NOT NULL,
  clinic_agency text NOT NULL,
  consent_on date NOT NULL,
  referred_on date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK (consent_on <= referred_on)
);
