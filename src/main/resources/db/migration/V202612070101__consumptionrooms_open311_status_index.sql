-- Open311 GET requests filters by status and date and answers newest first: one status's newest reports straight off
-- the index, whatever share of all reports that status is (docs/benchmarks.md, "Open311 GET requests").
CREATE INDEX needle_report_status_reported ON consumptionrooms.needle_report (status, reported_at DESC, reference DESC);
