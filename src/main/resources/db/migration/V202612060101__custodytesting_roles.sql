-- The treatment team's side of custody testing: a criminal-justice treatment worker of a health agency reads the
-- referrals sent to their agency (a pseudonymous code and a date, no offence, no result) and answers whether
-- treatment started, for HEALTH only. Health and policing purposes never in one role.
INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'CJ_TREATMENT_WORKER', 'Criminal-justice treatment worker', 'Answers referrals from custody: whether treatment started, and when; never sees an offence or a test result.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('CJ_TREATMENT_WORKER', 'CUSTODY_TESTING', 'READ', 'HEALTH'),
  ('CJ_TREATMENT_WORKER', 'CUSTODY_TESTING', 'WRITE', 'HEALTH')
) AS g (role, capability, action, purpose) ON g.role = r.name;
