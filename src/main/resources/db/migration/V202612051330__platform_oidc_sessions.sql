-- Which Harmwatch session belongs to which session at a single sign-on provider, so that a back-channel logout from
-- the provider (OIDC Back-Channel Logout 1.0) ends the right sessions, whichever instance receives it. Sessions live in
-- spring_session; a row here outlives its session only until the next sign-in sweeps it away.
CREATE TABLE platform.oidc_session (
  session_id   TEXT PRIMARY KEY,                     -- spring_session.session_id
  issuer       TEXT NOT NULL,
  subject      TEXT NOT NULL,
  provider_sid TEXT,                                 -- the ID token's sid, when the provider sends one
  client_id    TEXT NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX oidc_session_sid_idx ON platform.oidc_session (issuer, provider_sid);
CREATE INDEX oidc_session_subject_idx ON platform.oidc_session (issuer, subject);
