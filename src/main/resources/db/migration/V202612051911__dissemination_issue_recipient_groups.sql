-- Which agencies and roles each issue of an alert was sent to (from the professional subscriptions it matched), so
-- that staff of that agency and role read it in their alerts inbox, also when they joined after it was sent.
-- agency_code or role_name NULL: any agency, any role.
CREATE TABLE dissemination.issue_recipient_group (
  alert_id     UUID NOT NULL,
  version      INT NOT NULL,
  agency_code  TEXT,
  role_name    TEXT,
  FOREIGN KEY (alert_id, version) REFERENCES dissemination.alert_issue (alert_id, version)
);
CREATE UNIQUE INDEX issue_recipient_group_once ON dissemination.issue_recipient_group
  (alert_id, version, coalesce(agency_code, ''), coalesce(role_name, ''));
CREATE INDEX alert_issue_reference_idx ON dissemination.alert_issue (reference);
CREATE INDEX delivery_staff_idx ON dissemination.delivery (staff_id) WHERE staff_id IS NOT NULL;
