package org.harmwatch.naloxone.internal;

import java.util.HashSet;
import java.util.Set;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.stereotype.Component;

/**
 * Which agencies' naloxone records a user may use: their own agency's, and those another
 * agency shares with theirs under a data-sharing agreement in force.
 * {@link NaloxonePolicy#mayUse} decides from the agreements found here.
 */
@Component
public class NaloxoneOwnership {

	private final SharingManagement sharing;

	NaloxoneOwnership(SharingManagement sharing) {
		this.sharing = sharing;
	}

	/** Whether the user may use, for the action, records the owner agency holds. */
	public boolean mayUse(HarmwatchUser user, String ownerAgency, Action action) {
		var shared = ownerAgency.equals(user.agencyCode()) ? Set.<Purpose>of()
				: sharing.sharedPurposes(ownerAgency, user.agencyCode(), Capability.NALOXONE, action);
		return NaloxonePolicy.mayUse(user, ownerAgency, shared, action);
	}

	/** The agencies whose records the user may use for the action. */
	public Set<String> owners(HarmwatchUser user, Action action) {
		var owners = new HashSet<String>();
		if (NaloxonePolicy.mayUse(user, user.agencyCode(), Set.of(), action)) {
			owners.add(user.agencyCode());
		}
		sharing.sharingWith(user.agencyCode(), Capability.NALOXONE, action).forEach((owner, purposes) -> {
			if (NaloxonePolicy.mayUse(user, owner, purposes, action)) {
				owners.add(owner);
			}
		});
		return owners;
	}

}
