package org.harmwatch.programme.internal;

import java.util.HashSet;
import java.util.Set;

import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.stereotype.Component;

/**
 * Whose funding records a user may read: their own agency's, and those of agencies that
 * share programme records with theirs under an agreement in force;
 * {@link FundingPolicy#mayRead} decides.
 */
@Component
public class FundingOwnership {

	private final SharingManagement sharing;

	FundingOwnership(SharingManagement sharing) {
		this.sharing = sharing;
	}

	/** The agencies whose ledger records the user may read. */
	public Set<String> readableOwners(HarmwatchUser user) {
		var owners = new HashSet<String>();
		if (FundingPolicy.mayRead(user, user.agencyCode(), Set.of())) {
			owners.add(user.agencyCode());
		}
		sharing.sharingWith(user.agencyCode(), Capability.PROGRAMME, Action.READ).forEach((owner, purposes) -> {
			if (FundingPolicy.mayRead(user, owner, purposes)) {
				owners.add(owner);
			}
		});
		return owners;
	}

}
