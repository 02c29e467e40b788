-- Signals the coordinator judges to be about the same thing (one batch seen in two districts, a nitazene and the
-- "opioid" reports about it): linked both ways, each pair once (the smaller id first), with who linked them and why.
CREATE TABLE earlywarning.signal_link (
  signal_id   UUID NOT NULL REFERENCES earlywarning.signal (id),
  related_id  UUID NOT NULL REFERENCES earlywarning.signal (id),
  linked_by   TEXT NOT NULL,
  linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  PRIMARY KEY (signal_id, related_id),
  CHECK (signal_id < related_id)
);
CREATE INDEX signal_link_related_idx ON earlywarning.signal_link (related_id);
