package org.harmwatch.drugchecking.internal;

import java.util.HashSet;
import java.util.Set;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Component;

/**
 * Which agencies' sessions a user may use: their own agency's, and those another agency
 * shares with theirs under a data-sharing agreement in force.
 * {@link DrugCheckingPolicy#mayUse} decides from the agreements found here.
 */
@Component
public class SessionOwnership {

	private final SharingManagement sharing;

	SessionOwnership(SharingManagement sharing) {
		this.sharing = sharing;
	}

	/**
	 * Whether the user may read, change or export the records of a session the owner
	 * agency holds.
	 */
	public boolean mayUse(HarmwatchUser user, String ownerAgency, Action action) {
		var shared = ownerAgency.equals(user.agencyCode()) ? Set.<Purpose>of()
				: sharing.sharedPurposes(ownerAgency, user.agencyCode(), Capability.DRUG_CHECKING, action);
		return DrugCheckingPolicy.mayUse(user, ownerAgency, shared, action);
	}

	/**
	 * The agencies whose sessions the reader may read: their own, and those sharing
	 * theirs with it.
	 */
	public Set<String> readableOwners(HarmwatchUser reader) {
		var owners = new HashSet<String>();
		if (DrugCheckingPolicy.mayUse(reader, reader.agencyCode(), Set.of(), Action.READ)) {
			owners.add(reader.agencyCode());
		}
		sharing.sharingWith(reader.agencyCode(), Capability.DRUG_CHECKING, Action.READ).forEach((owner, purposes) -> {
			if (DrugCheckingPolicy.mayUse(reader, owner, purposes, Action.READ)) {
				owners.add(owner);
			}
		});
		return owners;
	}

}
