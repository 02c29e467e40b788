-- Sessions and result versions are written as Spring Data JDBC aggregates; each carries an optimistic-lock version.
-- (result.version is the result's own number: 1, 2, 3 for a sample's successive results.)
ALTER TABLE drugchecking.session ADD COLUMN lock_version integer NOT NULL DEFAULT 0;
ALTER TABLE drugchecking.result ADD COLUMN lock_version integer NOT NULL DEFAULT 0;

-- Statistics read only the period asked for; the earlier substances come from one indexed look-back.
CREATE INDEX sample_taken_at ON drugchecking.sample (taken_at);
CREATE INDEX result_sample_version ON drugchecking.result (sample_id, version DESC);
