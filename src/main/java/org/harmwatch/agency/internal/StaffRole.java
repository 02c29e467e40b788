package org.harmwatch.agency.internal;

import java.util.UUID;

import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A role held by a member of staff.
 */
@Table(schema = "agency", name = "staff_role")
record StaffRole(AggregateReference<Role, UUID> role) {

	static StaffRole of(UUID roleId) {
		return new StaffRole(AggregateReference.to(roleId));
	}

}
