package org.harmwatch.consumptionrooms.internal;

import java.util.Set;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and change what of consumption rooms and needle reports: the module's one
 * access policy.
 *
 * <p>
 * A needle report belongs to the council set for its district, for public health
 * intelligence: that council's staff read and sweep it given a consumption-rooms grant
 * for {@link Purpose#PUBLIC_HEALTH_INTELLIGENCE}; nobody else reads a single report (the
 * public sees statuses through Open311 and counts of areas). A report names nobody, but
 * its point and photo may show a doorway, so it stays with the council. Recording quality
 * per council is counts only: for the commissioner's analysts (programme read) and
 * council staff. Whether a reader is law enforcement follows from their agency, never
 * from their grants: no law-enforcement reader reaches any of it.
 */
public final class ConsumptionRoomsPolicy {

	private ConsumptionRoomsPolicy() {
	}

	/**
	 * Whether the user may record visits, overdoses managed and referrals: health staff
	 * (consumption-rooms write for {@link Purpose#HEALTH}) at an agency that is not law
	 * enforcement; the records are their agency's.
	 */
	public static boolean recordsVisits(HarmwatchUser user) {
		return !user.lawEnforcement() && user.agencyType().purposes().contains(Purpose.HEALTH)
				&& user.may(Capability.CONSUMPTION_ROOMS, Action.WRITE, Purpose.HEALTH);
	}

	/**
	 * Whether the user may read a visit the owner agency holds: health staff of that
	 * agency with consumption-rooms read for {@link Purpose#HEALTH}, or of another agency
	 * that the owner shares {@link Purpose#HEALTH} with ({@code sharedPurposes}); never a
	 * law-enforcement agency's staff, whatever is shared.
	 */
	public static boolean readsVisit(HarmwatchUser user, String ownerAgency, Set<Purpose> sharedPurposes) {
		if (!listsVisits(user)) {
			return false;
		}
		return ownerAgency.equals(user.agencyCode()) || sharedPurposes.contains(Purpose.HEALTH);
	}

	/**
	 * Whether the user may list their agency's visits and read its reports (counts):
	 * health staff with consumption-rooms read for {@link Purpose#HEALTH}, never a
	 * law-enforcement agency's.
	 */
	public static boolean listsVisits(HarmwatchUser user) {
		return !user.lawEnforcement() && user.agencyType().purposes().contains(Purpose.HEALTH)
				&& user.may(Capability.CONSUMPTION_ROOMS, Action.READ, Purpose.HEALTH);
	}

	/** Whether the user may read the report held by this council (its owner). */
	public static boolean readsReport(HarmwatchUser user, @Nullable String ownerAgency) {
		return ownerAgency != null && ownerAgency.equals(user.agencyCode()) && !user.lawEnforcement()
				&& user.may(Capability.CONSUMPTION_ROOMS, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/** Whether the user may record a sweep of a report held by this council. */
	public static boolean sweeps(HarmwatchUser user, @Nullable String ownerAgency) {
		return ownerAgency != null && ownerAgency.equals(user.agencyCode()) && !user.lawEnforcement()
				&& user.may(Capability.CONSUMPTION_ROOMS, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/** Whether the user may list their own council's reports at all. */
	public static boolean listsReports(HarmwatchUser user) {
		return !user.lawEnforcement()
				&& user.may(Capability.CONSUMPTION_ROOMS, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the user may read recording quality per council (counts only): the
	 * commissioner's analysts and council staff, never a law-enforcement agency's.
	 */
	public static boolean readsQuality(HarmwatchUser user) {
		return !user.lawEnforcement()
				&& (user.may(Capability.PROGRAMME, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE)
						|| user.may(Capability.CONSUMPTION_ROOMS, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE));
	}

	/**
	 * Whether the user may see the needle maps (finds by year, heatmap, hotspots; counts
	 * per area, never a report): as for recording quality.
	 */
	public static boolean readsNeedleMaps(HarmwatchUser user) {
		return readsQuality(user);
	}

	/**
	 * Whether the user may set which council answers for each district and its service
	 * level: the administrators who set up agencies (agency manage, for
	 * {@link Purpose#ADMINISTRATION}), never a law-enforcement agency's staff.
	 */
	public static boolean setsUpCouncils(HarmwatchUser user) {
		return !user.lawEnforcement() && user.may(Capability.AGENCY, Action.MANAGE, Purpose.ADMINISTRATION);
	}

	/**
	 * Whether the user may evaluate every site and see the siting view (counts only): the
	 * commissioner's analysts (programme read for public health intelligence), never a
	 * law-enforcement agency's staff.
	 */
	public static boolean evaluatesAllSites(HarmwatchUser user) {
		return !user.lawEnforcement()
				&& user.may(Capability.PROGRAMME, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the user may evaluate a site the owner agency runs, and see the siting
	 * view: that agency's health staff with consumption-rooms read for
	 * {@link Purpose#HEALTH}.
	 */
	public static boolean evaluatesSite(HarmwatchUser user, String ownerAgency) {
		return listsVisits(user) && ownerAgency.equals(user.agencyCode());
	}

}
