package org.harmwatch.programme.internal;

import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;

/**
 * Who may keep and read the funding ledger: the module's one access policy for it.
 *
 * <p>
 * Streams, services and allocations are held for
 * {@link Purpose#PUBLIC_HEALTH_INTELLIGENCE} and belong to the agency that recorded them.
 * A user reads them when their agency owns them, or the owner shares programme records
 * with it for that purpose under an agreement in force, and they hold programme read for
 * it; only the owner's staff with programme write change them. The ledger holds money and
 * counts, never a person.
 */
public final class FundingPolicy {

	/** The purpose every ledger record is held for. */
	public static final Purpose PURPOSE = Purpose.PUBLIC_HEALTH_INTELLIGENCE;

	private FundingPolicy() {
	}

	/** Whether the user may record streams, amounts, services and allocations. */
	public static boolean mayRecord(HarmwatchUser user) {
		return user.agencyType().purposes().contains(PURPOSE) && user.may(Capability.PROGRAMME, Action.WRITE, PURPOSE);
	}

	/**
	 * Whether the user may read records the owner agency holds, given what the owner
	 * shares with the user's agency for programme read ({@code sharedPurposes}, ignored
	 * when the user's agency owns them).
	 */
	public static boolean mayRead(HarmwatchUser user, String ownerAgency, Set<Purpose> sharedPurposes) {
		var available = ownerAgency.equals(user.agencyCode()) ? user.agencyType().purposes() : sharedPurposes;
		return available.contains(PURPOSE) && user.may(Capability.PROGRAMME, Action.READ, PURPOSE);
	}

}
