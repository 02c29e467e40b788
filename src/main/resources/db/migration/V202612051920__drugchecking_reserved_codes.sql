-- Sample codes a field device reserved while online, to issue offline (issue 13 item 15). A code is unique across
-- every device and every sample: the primary key here, and SampleManagement never issues a reserved code itself.
-- A reservation is used once, by the sample taken in under it, in the session it was reserved for.
CREATE TABLE drugchecking.reserved_code (
  code text PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES drugchecking.session (id),
  device text NOT NULL,
  reserved_by text NOT NULL,
  reserved_at timestamptz NOT NULL,
  sample_id uuid REFERENCES drugchecking.sample (id),
  used_at timestamptz
);
CREATE INDEX reserved_code_session_device ON drugchecking.reserved_code (session_id, device);
