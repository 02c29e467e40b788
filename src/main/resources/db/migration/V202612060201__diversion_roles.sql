-- Treatment staff (health) report whether a diversion client attended a treatment appointment, against the
-- pseudonymised link only: a write for HEALTH on diversion, and nothing to read. The navigator's role (policing)
-- already reads and writes diversion for POLICING.
INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, 'DIVERSION', 'WRITE', 'HEALTH' FROM agency.role r WHERE r.name = 'CLINIC_STAFF';
