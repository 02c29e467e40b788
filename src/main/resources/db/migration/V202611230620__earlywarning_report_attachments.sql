-- Photos (re-encoded without metadata) and lab reports (PDF) sent with a report; stored with it or not at all.
CREATE TABLE earlywarning.report_attachment (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES earlywarning.report (id),
  position integer NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,           -- found from the bytes: image/jpeg, image/png, application/pdf
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  received_at timestamptz NOT NULL,
  UNIQUE (report_id, position)
);
