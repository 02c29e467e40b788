package org.harmwatch.diversion.internal;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;

/**
 * Who may do what in diversion: the module's one access policy.
 *
 * <p>
 * Every record is held for {@code POLICING} and belongs to the police agency that runs
 * the scheme. Staff of a law-enforcement agency (from their agency's type, never their
 * grants) with diversion read or write for policing read and work on their agency's
 * records; another police agency reads them only when the owner shares diversion for
 * policing with it. Health staff never read anything here: those holding diversion write
 * for health only report, against a pseudonymised link, whether a treatment appointment
 * was attended and when.
 */
public final class DiversionPolicy {

	private DiversionPolicy() {
	}

	/**
	 * Whether the user may read diversion records (their agency's, or shared ones) at
	 * all.
	 */
	public static boolean mayRead(HarmwatchUser user) {
		return user.lawEnforcement() && user.may(Capability.DIVERSION, Action.READ, Purpose.POLICING);
	}

	/**
	 * Whether the user may read a record owned by {@code ownerAgency}.
	 * @param sharedForPolicing whether the owner shares diversion reading for policing
	 * with the reader's agency (ignored when it owns the record)
	 */
	public static boolean mayRead(HarmwatchUser user, String ownerAgency, boolean sharedForPolicing) {
		return mayRead(user) && (ownerAgency.equals(user.agencyCode()) || sharedForPolicing);
	}

	/**
	 * Whether the user may create schemes, refer, allocate and run contracts for their
	 * agency.
	 */
	public static boolean mayWork(HarmwatchUser user) {
		return user.lawEnforcement() && user.may(Capability.DIVERSION, Action.WRITE, Purpose.POLICING);
	}

	/**
	 * Whether the user may change a record owned by {@code ownerAgency}: only its own
	 * agency's staff.
	 */
	public static boolean mayWork(HarmwatchUser user, String ownerAgency) {
		return mayWork(user) && ownerAgency.equals(user.agencyCode());
	}

	/**
	 * Whether the user may report treatment attendance against a link: health staff only.
	 */
	public static boolean mayReportAttendance(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.DIVERSION, Action.WRITE, Purpose.HEALTH);
	}

}
