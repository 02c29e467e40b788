package org.harmwatch.agency.internal;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One grant of a role.
 */
@Table(schema = "agency", name = "role_grant")
record RoleGrant(Capability capability, Action action, Purpose purpose) {

	static RoleGrant of(Grant grant) {
		return new RoleGrant(grant.capability(), grant.action(), grant.purpose());
	}

	Grant grant() {
		return new Grant(capability, action, purpose);
	}

}
