-- Photos of a sample taken in at intake (a pill's front and back, a powder's packaging): at most a few per sample,
-- stored only after re-encoding so that no camera metadata (EXIF, GPS position) is kept. They show the sample, never a
-- person. Staff see them under the same licence conditions as the sample's results; the public board shows them only
-- when the sample is on the board and the session's licence allows photographs to be published.
CREATE TABLE drugchecking.sample_photo (
  id uuid PRIMARY KEY,
  sample_id uuid NOT NULL REFERENCES drugchecking.sample (id),
  caption text,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  size integer NOT NULL CHECK (size > 0),
  width integer NOT NULL CHECK (width > 0),
  height integer NOT NULL CHECK (height > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL,
  uploaded_by text NOT NULL
);
CREATE INDEX sample_photo_sample ON drugchecking.sample_photo (sample_id, uploaded_at);
