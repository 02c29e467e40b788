-- The starting roles of the programme. Administrators can change their grants and add roles in the admin pages.
-- Health and policing purposes never meet in one role (DESIGN.md, "Data protection").

INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'ADMINISTRATOR', 'System administrator', 'Manages agencies, staff accounts, roles and API clients. Sees no case records.', 0),
 (gen_random_uuid(), 'AUDITOR', 'Auditor', 'Searches the audit log and checks that it has not been altered.', 0),
 (gen_random_uuid(), 'EARLY_WARNING_COORDINATOR', 'Early-warning coordinator', 'Takes in reports, validates signals, convenes the panel, issues and reviews alerts.', 0),
 (gen_random_uuid(), 'PANEL_MEMBER', 'Early-warning panel member', 'Grades signals on strength of evidence and potential harm.', 0),
 (gen_random_uuid(), 'FRONTLINE_WORKER', 'Frontline worker', 'Reports what they see and receives alerts.', 0),
 (gen_random_uuid(), 'DRUG_CHECKING_ANALYST', 'Drug-checking analyst', 'Records samples, analyses and results, and gives harm-reduction advice.', 0),
 (gen_random_uuid(), 'CUSTODY_OFFICER', 'Custody officer', 'Tests on arrest for trigger offences and requires assessments.', 0),
 (gen_random_uuid(), 'DIVERSION_NAVIGATOR', 'Diversion navigator', 'Runs deferred-prosecution contracts and their conditions.', 0),
 (gen_random_uuid(), 'CLINIC_STAFF', 'Clinic staff', 'Enrols clients, records supervised doses, visits and outcomes.', 0),
 (gen_random_uuid(), 'NALOXONE_LEAD', 'Naloxone lead', 'Keeps the kit ledger, training records and coverage.', 0),
 (gen_random_uuid(), 'FINANCIAL_INVESTIGATOR', 'Financial investigator', 'Records seizures, confiscation orders and asset recovery.', 0),
 (gen_random_uuid(), 'PROGRAMME_ANALYST', 'Programme analyst (commissioner''s office)', 'Follows the programme''s progress, outcome indicators and cost of drugs.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('ADMINISTRATOR', 'AGENCY', 'READ', NULL),
  ('ADMINISTRATOR', 'AGENCY', 'MANAGE', NULL),
  ('ADMINISTRATOR', 'GEOGRAPHY', 'READ', NULL),
  ('AUDITOR', 'AUDIT', 'READ', NULL),
  ('AUDITOR', 'AGENCY', 'READ', NULL),
  ('EARLY_WARNING_COORDINATOR', 'EARLY_WARNING', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('EARLY_WARNING_COORDINATOR', 'EARLY_WARNING', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('EARLY_WARNING_COORDINATOR', 'EARLY_WARNING', 'MANAGE', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('EARLY_WARNING_COORDINATOR', 'EARLY_WARNING', 'WRITE', 'PUBLIC'),
  ('EARLY_WARNING_COORDINATOR', 'SUBSTANCES', 'MANAGE', NULL),
  ('EARLY_WARNING_COORDINATOR', 'ANALYTICS', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('EARLY_WARNING_COORDINATOR', 'GEOGRAPHY', 'READ', NULL),
  ('PANEL_MEMBER', 'EARLY_WARNING', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('PANEL_MEMBER', 'GEOGRAPHY', 'READ', NULL),
  ('FRONTLINE_WORKER', 'EARLY_WARNING', 'WRITE', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('FRONTLINE_WORKER', 'GEOGRAPHY', 'READ', NULL),
  ('DRUG_CHECKING_ANALYST', 'DRUG_CHECKING', 'READ', 'HEALTH'),
  ('DRUG_CHECKING_ANALYST', 'DRUG_CHECKING', 'WRITE', 'HEALTH'),
  ('DRUG_CHECKING_ANALYST', 'SUBSTANCES', 'READ', NULL),
  ('DRUG_CHECKING_ANALYST', 'GEOGRAPHY', 'READ', NULL),
  ('CUSTODY_OFFICER', 'CUSTODY_TESTING', 'READ', 'POLICING'),
  ('CUSTODY_OFFICER', 'CUSTODY_TESTING', 'WRITE', 'POLICING'),
  ('CUSTODY_OFFICER', 'GEOGRAPHY', 'READ', NULL),
  ('DIVERSION_NAVIGATOR', 'DIVERSION', 'READ', 'POLICING'),
  ('DIVERSION_NAVIGATOR', 'DIVERSION', 'WRITE', 'POLICING'),
  ('DIVERSION_NAVIGATOR', 'GEOGRAPHY', 'READ', NULL),
  ('CLINIC_STAFF', 'HAT_CLINIC', 'READ', 'HEALTH'),
  ('CLINIC_STAFF', 'HAT_CLINIC', 'WRITE', 'HEALTH'),
  ('CLINIC_STAFF', 'CONSUMPTION_ROOMS', 'READ', 'HEALTH'),
  ('CLINIC_STAFF', 'CONSUMPTION_ROOMS', 'WRITE', 'HEALTH'),
  ('CLINIC_STAFF', 'GEOGRAPHY', 'READ', NULL),
  ('NALOXONE_LEAD', 'NALOXONE', 'READ', 'HEALTH'),
  ('NALOXONE_LEAD', 'NALOXONE', 'MANAGE', 'HEALTH'),
  ('NALOXONE_LEAD', 'GEOGRAPHY', 'READ', NULL),
  ('FINANCIAL_INVESTIGATOR', 'PROCEEDS', 'READ', 'POLICING'),
  ('FINANCIAL_INVESTIGATOR', 'PROCEEDS', 'WRITE', 'POLICING'),
  ('FINANCIAL_INVESTIGATOR', 'GEOGRAPHY', 'READ', NULL),
  ('PROGRAMME_ANALYST', 'PROGRAMME', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('PROGRAMME_ANALYST', 'ANALYTICS', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE'),
  ('PROGRAMME_ANALYST', 'GEOGRAPHY', 'READ', NULL)
) AS g (role, capability, action, purpose) ON g.role = r.name;
