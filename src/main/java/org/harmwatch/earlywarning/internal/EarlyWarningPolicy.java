package org.harmwatch.earlywarning.internal;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may see what of early warning: the module's one access policy.
 *
 * <p>
 * A report's substance, place and outcomes are public-health intelligence that every
 * early-warning reader sees. Who sent it goes to staff of the reporter's own agency and
 * to the coordinator (early-warning manage for public-health intelligence). The files
 * sent with it (photos stripped of their metadata, lab reports) are evidence the panel
 * grades on, so every early-warning reader sees them. Staff of a law-enforcement agency,
 * whatever grants they hold, see neither the reporter nor the files of another agency's
 * report: a photo of a scene or a hand can identify the person the reporter helped.
 *
 * <p>
 * The coordinator asks questions about a report of the agency that sent it, never of a
 * person: the agency's staff who report (early-warning write for public-health
 * intelligence) read and answer questions to their own agency, and no one else's. An
 * anonymous report from the public has no one to ask.
 */
public final class EarlyWarningPolicy {

	private EarlyWarningPolicy() {
	}

	/**
	 * Whether the reader may see who sent a report that came from this agency
	 * ({@code null}: anonymous or public).
	 */
	public static boolean mayIdentifyReporter(HarmwatchUser reader, @Nullable String reporterAgency) {
		if (reporterAgency != null && reporterAgency.equals(reader.agencyCode())) {
			return true;
		}
		return !reader.lawEnforcement()
				&& reader.may(Capability.EARLY_WARNING, Action.MANAGE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the user may sign off an alert (a panel member or the coordinator):
	 * early-warning approve for public-health intelligence. The drafter's own and
	 * repeated sign-offs are the alert's rules, not the user's.
	 */
	public static boolean mayApprove(HarmwatchUser user) {
		return user.may(Capability.EARLY_WARNING, Action.APPROVE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the user coordinates alerts (early-warning manage), and so may edit or
	 * withdraw a draft someone else wrote.
	 */
	public static boolean mayCoordinate(HarmwatchUser user) {
		return user.may(Capability.EARLY_WARNING, Action.MANAGE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the reader may open the files sent with a report that came from this
	 * agency.
	 */
	public static boolean mayReadAttachments(HarmwatchUser reader, @Nullable String reporterAgency) {
		if (reporterAgency != null && reporterAgency.equals(reader.agencyCode())) {
			return true;
		}
		return !reader.lawEnforcement()
				&& reader.may(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether the user may read and answer a question asked of this agency about one of
	 * its reports: staff of that agency who report to early warning.
	 */
	public static boolean mayAnswerFor(HarmwatchUser user, String agencyCode) {
		return agencyCode.equals(user.agencyCode())
				&& user.may(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/**
	 * Whether a question asked of this agency is the user's to answer on their home page:
	 * as {@link #mayAnswerFor}, but not the coordinator, who asks.
	 */
	public static boolean answersQuestions(HarmwatchUser user) {
		return user.may(Capability.EARLY_WARNING, Action.WRITE, Purpose.PUBLIC_HEALTH_INTELLIGENCE)
				&& !mayCoordinate(user) && user.agencyCode() != null;
	}

}
