package org.harmwatch.agency.internal;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One grant of an API client.
 */
@Table(schema = "agency", name = "api_client_grant")
record ApiClientGrant(Capability capability, Action action, Purpose purpose) {

	static ApiClientGrant of(Grant grant) {
		return new ApiClientGrant(grant.capability(), grant.action(), grant.purpose());
	}

	Grant grant() {
		return new Grant(capability, action, purpose);
	}

}
