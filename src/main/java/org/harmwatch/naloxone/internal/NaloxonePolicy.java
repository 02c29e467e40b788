package org.harmwatch.naloxone.internal;

import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;

/**
 * Who may see and change what of naloxone: the module's one access policy.
 *
 * <p>
 * Every record belongs to the agency that recorded it ({@link #mayUse}): staff of that
 * agency use it given a naloxone grant for the action, for a purpose their agency may
 * hold; staff of another agency only for a purpose the owner shares with theirs under an
 * agreement in force. Stock, batches, training and reissue tasks hold nobody's personal
 * data. A supply to a person is a health record: only health staff (a grant for
 * {@link Purpose#HEALTH}, at an agency that is not law enforcement) record supplies or
 * see the person's client code ({@link #seesClientCodes}, {@link #recordsSupplies});
 * whether a reader is law enforcement follows from their agency, never from their grants.
 */
public final class NaloxonePolicy {

	private NaloxonePolicy() {
	}

	/**
	 * Whether the user may read (or change) records that the owner agency holds: their
	 * own agency's for any purpose they hold the action for, another agency's only for a
	 * purpose shared with theirs ({@code sharedPurposes}).
	 */
	public static boolean mayUse(HarmwatchUser user, String ownerAgency, Set<Purpose> sharedPurposes, Action action) {
		var purposes = ownerAgency.equals(user.agencyCode()) ? user.agencyType().purposes() : sharedPurposes;
		return purposes.stream().anyMatch(p -> user.may(Capability.NALOXONE, action, p));
	}

	/**
	 * Whether the user may see people's client codes on supplies and returns: health
	 * staff only, never a law-enforcement agency's.
	 */
	public static boolean seesClientCodes(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.NALOXONE, Action.READ, Purpose.HEALTH);
	}

	/**
	 * Whether the user may record kits supplied to or returned by a person: health staff
	 * with naloxone write for {@link Purpose#HEALTH}, never a law-enforcement agency's.
	 */
	public static boolean recordsSupplies(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.NALOXONE, Action.WRITE, Purpose.HEALTH);
	}

	/**
	 * Whether the user may read the programme's figures, which are counts only: anyone
	 * with naloxone read for a purpose their agency may hold.
	 */
	public static boolean readsFigures(HarmwatchUser user) {
		return user.agencyType().purposes().stream().anyMatch(p -> user.may(Capability.NALOXONE, Action.READ, p));
	}

}
