-- Every grant names a purpose (issue 11, "any purpose" grants opened health data to police).
-- A grant without a purpose meant "any purpose". It becomes the one purpose its capability's records are held for
-- when there is only one (accounts, roles and the audit log: ADMINISTRATION; areas and the substance vocabulary,
-- which are published: PUBLIC), and otherwise PUBLIC_HEALTH_INTELLIGENCE, the purpose every agency type may hold:
-- a role or client that needs health or policing records must now be given them by name, for an agency that may
-- hold them.

UPDATE agency.role_grant SET purpose = CASE
    WHEN capability IN ('AGENCY', 'AUDIT') THEN 'ADMINISTRATION'
    WHEN capability IN ('GEOGRAPHY', 'SUBSTANCES') THEN 'PUBLIC'
    ELSE 'PUBLIC_HEALTH_INTELLIGENCE' END
WHERE purpose IS NULL
  AND NOT EXISTS (SELECT 1 FROM agency.role_grant o WHERE o.role = role_grant.role
    AND o.capability = role_grant.capability AND o.action = role_grant.action AND o.purpose = CASE
      WHEN role_grant.capability IN ('AGENCY', 'AUDIT') THEN 'ADMINISTRATION'
      WHEN role_grant.capability IN ('GEOGRAPHY', 'SUBSTANCES') THEN 'PUBLIC'
      ELSE 'PUBLIC_HEALTH_INTELLIGENCE' END);
DELETE FROM agency.role_grant WHERE purpose IS NULL;

UPDATE agency.api_client_grant SET purpose = CASE
    WHEN capability IN ('AGENCY', 'AUDIT') THEN 'ADMINISTRATION'
    WHEN capability IN ('GEOGRAPHY', 'SUBSTANCES') THEN 'PUBLIC'
    ELSE 'PUBLIC_HEALTH_INTELLIGENCE' END
WHERE purpose IS NULL
  AND NOT EXISTS (SELECT 1 FROM agency.api_client_grant o WHERE o.api_client = api_client_grant.api_client
    AND o.capability = api_client_grant.capability AND o.action = api_client_grant.action AND o.purpose = CASE
      WHEN api_client_grant.capability IN ('AGENCY', 'AUDIT') THEN 'ADMINISTRATION'
      WHEN api_client_grant.capability IN ('GEOGRAPHY', 'SUBSTANCES') THEN 'PUBLIC'
      ELSE 'PUBLIC_HEALTH_INTELLIGENCE' END);
DELETE FROM agency.api_client_grant WHERE purpose IS NULL;

-- Reference data and the platform's own records are held for one purpose only.
DELETE FROM agency.role_grant WHERE (capability IN ('AGENCY', 'AUDIT') AND purpose <> 'ADMINISTRATION')
  OR (capability IN ('GEOGRAPHY', 'SUBSTANCES') AND purpose <> 'PUBLIC')
  OR (capability NOT IN ('AGENCY', 'AUDIT', 'GEOGRAPHY', 'SUBSTANCES') AND purpose = 'ADMINISTRATION');
DELETE FROM agency.api_client_grant WHERE (capability IN ('AGENCY', 'AUDIT') AND purpose <> 'ADMINISTRATION')
  OR (capability IN ('GEOGRAPHY', 'SUBSTANCES') AND purpose <> 'PUBLIC')
  OR (capability NOT IN ('AGENCY', 'AUDIT', 'GEOGRAPHY', 'SUBSTANCES') AND purpose = 'ADMINISTRATION');

ALTER TABLE agency.role_grant ALTER COLUMN purpose SET NOT NULL;
ALTER TABLE agency.api_client_grant ALTER COLUMN purpose SET NOT NULL;
