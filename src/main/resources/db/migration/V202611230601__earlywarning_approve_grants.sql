-- Panel members grade signals and, with the coordinator, approve alerts: both sign off (Action APPROVE).
INSERT INTO agency.role_grant (role, capability, action, purpose)
SELECT r.id, 'EARLY_WARNING', 'APPROVE', 'PUBLIC_HEALTH_INTELLIGENCE'
FROM agency.role r
WHERE r.name IN ('PANEL_MEMBER', 'EARLY_WARNING_COORDINATOR')
ON CONFLICT DO NOTHING;
