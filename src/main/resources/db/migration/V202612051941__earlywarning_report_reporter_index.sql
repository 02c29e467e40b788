-- "My reports": a reporter's own reports, newest first.
CREATE INDEX report_by_reporter ON earlywarning.report (reporter_id, received_at DESC) WHERE reporter_id IS NOT NULL;
