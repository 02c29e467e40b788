-- Who records overdoses: health staff (ambulance, emergency departments, consumption rooms, drug services,
-- coroners) for HEALTH, police and prison staff for POLICING; health and policing purposes never in one role.
-- The early-warning coordinator reads them for public health intelligence: areas and counts, and what an owner
-- shares with the coordinator's agency.
INSERT INTO agency.role (id, name, title, description, version) VALUES
 (gen_random_uuid(), 'OVERDOSE_RECORDER', 'Overdose recorder (health)', 'Records overdoses attended or treated, imports partner files, and reads the agency''s own incidents.', 0),
 (gen_random_uuid(), 'POLICE_OVERDOSE_RECORDER', 'Overdose recorder (police)', 'Records overdoses police attended and naloxone officers gave; sees areas and counts, never a person code or a point.', 0);

INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, g.capability, g.action, g.purpose
FROM agency.role r
JOIN (VALUES
  ('OVERDOSE_RECORDER', 'OVERDOSE', 'READ', 'HEALTH'),
  ('OVERDOSE_RECORDER', 'OVERDOSE', 'WRITE', 'HEALTH'),
  ('OVERDOSE_RECORDER', 'SUBSTANCES', 'READ', 'PUBLIC'),
  ('OVERDOSE_RECORDER', 'GEOGRAPHY', 'READ', 'PUBLIC'),
  ('POLICE_OVERDOSE_RECORDER', 'OVERDOSE', 'READ', 'POLICING'),
  ('POLICE_OVERDOSE_RECORDER', 'OVERDOSE', 'WRITE', 'POLICING'),
  ('POLICE_OVERDOSE_RECORDER', 'GEOGRAPHY', 'READ', 'PUBLIC'),
  ('EARLY_WARNING_COORDINATOR', 'OVERDOSE', 'READ', 'PUBLIC_HEALTH_INTELLIGENCE')
) AS g (role, capability, action, purpose) ON g.role = r.name;
