package org.harmwatch.custodytesting.internal;

import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may record and read custody testing records, and what the treatment team sees: the
 * module's one access policy.
 *
 * <p>
 * Every record is held for {@code POLICING} by the police agency that recorded it. Its
 * staff with custody testing for {@code POLICING} read it; staff of another law
 * enforcement agency only when the owner shares custody testing with theirs for
 * {@code POLICING} under an agreement in force. Whether a reader is law enforcement
 * follows from their agency's type, never from their grants: a health agency's staff
 * never read a record, whatever they hold.
 *
 * <p>
 * The treatment team reads only a referral addressed to its agency, only while the owner
 * shares custody testing with it for {@code HEALTH}, and only if the reader is health
 * staff holding custody testing for {@code HEALTH}: it answers with a yes or no and a
 * date. Everyone else reads the funnel's counts with those under 5 withheld.
 */
public final class CustodyTestingPolicy {

	private CustodyTestingPolicy() {
	}

	/**
	 * Whether the user may record arrests, tests, assessments and referrals for their
	 * agency.
	 */
	public static boolean mayRecord(HarmwatchUser user) {
		return user.lawEnforcement() && user.agencyType().purposes().contains(Purpose.POLICING)
				&& user.may(Capability.CUSTODY_TESTING, Action.WRITE, Purpose.POLICING);
	}

	/**
	 * Whether the user may change a record the owner agency holds: only its own staff.
	 */
	public static boolean mayChange(HarmwatchUser user, String ownerAgency) {
		return ownerAgency.equals(user.agencyCode()) && mayRecord(user);
	}

	/**
	 * Whether the reader may read a record of the owner agency.
	 * @param sharedPurposes what the owner shares with the reader's agency for reading
	 * (ignored when the reader's agency owns it)
	 */
	public static boolean mayRead(HarmwatchUser reader, String ownerAgency, Set<Purpose> sharedPurposes) {
		if (!reader.lawEnforcement() || !reader.may(Capability.CUSTODY_TESTING, Action.READ, Purpose.POLICING)) {
			return false;
		}
		var available = ownerAgency.equals(reader.agencyCode()) ? reader.agencyType().purposes() : sharedPurposes;
		return available.contains(Purpose.POLICING);
	}

	/** Whether the reader may read records at all: the lists ask this first. */
	public static boolean mayReadAny(HarmwatchUser reader) {
		return reader.lawEnforcement() && reader.agencyType().purposes().contains(Purpose.POLICING)
				&& reader.may(Capability.CUSTODY_TESTING, Action.READ, Purpose.POLICING);
	}

	/**
	 * Whether the funnel's counts are shown whole to the reader (else under 5 withheld).
	 */
	public static boolean entitledToCounts(@Nullable HarmwatchUser reader) {
		return reader != null && mayReadAny(reader);
	}

	/**
	 * Whether an agency of the type may be sent referrals: health, not law enforcement.
	 */
	public static boolean mayBeTeam(AgencyType type) {
		return !type.lawEnforcement() && type.purposes().contains(Purpose.HEALTH);
	}

	/**
	 * Whether the user is treatment-team staff who may read referrals sent to their
	 * agency.
	 */
	public static boolean mayReadReferrals(HarmwatchUser user) {
		return mayBeTeam(user.agencyType()) && user.may(Capability.CUSTODY_TESTING, Action.READ, Purpose.HEALTH);
	}

	/**
	 * Whether the reader may read one referral (its team-facing fields only).
	 * @param sharedPurposes what the referral's owner shares custody testing with the
	 * reader's agency for, for reading
	 */
	public static boolean mayReadReferral(HarmwatchUser reader, String teamAgency, Set<Purpose> sharedPurposes) {
		return mayReadReferrals(reader) && teamAgency.equals(reader.agencyCode())
				&& sharedPurposes.contains(Purpose.HEALTH);
	}

	/**
	 * Whether the reader may answer the referral: read it, and custody testing write for
	 * {@code HEALTH}.
	 */
	public static boolean mayAnswer(HarmwatchUser reader, String teamAgency, Set<Purpose> sharedPurposes) {
		return mayReadReferral(reader, teamAgency, sharedPurposes)
				&& reader.may(Capability.CUSTODY_TESTING, Action.WRITE, Purpose.HEALTH);
	}

}
