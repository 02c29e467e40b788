package org.harmwatch.hatclinic.internal;

import java.time.LocalDate;
import java.util.Set;

import org.harmwatch.hatclinic.Licence;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what in the heroin-assisted treatment clinic: the module's one access
 * policy.
 *
 * <p>
 * Every record is held for {@code HEALTH} and belongs to the clinic's agency. Staff of
 * that agency read it with clinic read for health; staff of another agency only when the
 * owner shares it for health under an agreement in force. A reader whose agency is law
 * enforcement never reads a record about a person, whatever their grants or any
 * agreement: the policing side sees the published aggregates only. Prescribing needs
 * clinic manage for health and a Home Office licence in force on the day. A force sends
 * recorded-crime counts per pseudonym (clinic write for policing, in a police force) and
 * reads nothing back; which pseudonym is which client stays with the clinic.
 */
public final class HatPolicy {

	private HatPolicy() {
	}

	/** Whether the user may read the owner's records about people. */
	public static boolean mayRead(HarmwatchUser reader, String ownerAgency, Set<Purpose> sharedPurposes) {
		if (reader.lawEnforcement() || !reader.may(Capability.HAT_CLINIC, Action.READ, Purpose.HEALTH)) {
			return false;
		}
		return ownerAgency.equals(reader.agencyCode()) || sharedPurposes.contains(Purpose.HEALTH);
	}

	/** Whether the user may record referrals, doses and outcomes for their own agency. */
	public static boolean mayRecord(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.HAT_CLINIC, Action.WRITE, Purpose.HEALTH);
	}

	/**
	 * Whether the user may prescribe (with a licence) and keep the unit costs for their
	 * agency.
	 */
	public static boolean mayManage(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.HAT_CLINIC, Action.MANAGE, Purpose.HEALTH);
	}

	/**
	 * Whether the user may prescribe on the day: a manager of the clinic holding a
	 * licence of their own in force that day.
	 */
	public static boolean mayPrescribe(HarmwatchUser user, @Nullable Licence licence, LocalDate day) {
		return mayManage(user) && licence != null && licence.prescriber().equals(user.getUsername())
				&& licence.currentOn(day);
	}

	/**
	 * Whether the user may record the licence in the register: clinic staff, for someone
	 * else (nobody records their own).
	 */
	public static boolean mayRecordLicence(HarmwatchUser user, String prescriber) {
		return mayRecord(user) && !prescriber.equals(user.getUsername());
	}

	/**
	 * Whether the user may record the legal basis of recorded-crime links (the agreement
	 * the clinic relies on): a manager of the clinic.
	 */
	public static boolean mayRecordLinkBasis(HarmwatchUser user) {
		return mayManage(user);
	}

	/**
	 * Whether the user may link a client of their clinic to a force's recorded crime
	 * (entering the police identifier, which is hashed and never stored): clinic staff.
	 */
	public static boolean mayLinkClient(HarmwatchUser user) {
		return mayRecord(user);
	}

	/**
	 * Whether the user may send recorded-crime counts per pseudonym: a police force's
	 * staff or system holding clinic write for policing. Sending reads nothing back.
	 */
	public static boolean maySendRecordedCrime(HarmwatchUser user) {
		return user.agencyType() == AgencyType.POLICE_FORCE
				&& user.may(Capability.HAT_CLINIC, Action.WRITE, Purpose.POLICING);
	}

}
