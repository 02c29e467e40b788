-- Rows stored so far by an import that stores while it checks (the overdose import): shown on the job page beside
-- the rows checked, kept only if every row turns out good; 0 again when the job fails.
ALTER TABLE platform.import_job ADD COLUMN rows_stored int NOT NULL DEFAULT 0;
