package org.harmwatch.awareness.internal;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;

/**
 * Which sources the situational-awareness page asks for a viewer: the module's one access
 * policy.
 *
 * <p>
 * The page only ever asks; what comes back is what each owning module's own policy gives
 * the viewer (the overdose module gives a law-enforcement reader areas and counts, never
 * a point; early warning never names a reporter here). This policy decides only whether
 * asking makes sense, so that a viewer without a grant gets no layer rather than a
 * refused (and audited) request: overdoses to holders of overdose read for a purpose of
 * their agency, early warning to holders of early-warning read, the drug-checking board's
 * published results to every viewer of the page (they are published: a session whose
 * licence keeps results from law enforcement never reaches the board).
 */
public final class AwarenessPolicy {

	private AwarenessPolicy() {
	}

	/** Whether the viewer may open the page at all. */
	public static boolean mayView(HarmwatchUser viewer) {
		return readsOverdoses(viewer) || readsEarlyWarning(viewer);
	}

	/** Whether the overdose module is asked for the viewer's overdoses. */
	public static boolean readsOverdoses(HarmwatchUser viewer) {
		return viewer.agencyType().purposes().stream().anyMatch(p -> viewer.may(Capability.OVERDOSE, Action.READ, p));
	}

	/** Whether early warning is asked for reports, signals, alerts and spikes. */
	public static boolean readsEarlyWarning(HarmwatchUser viewer) {
		return viewer.agencyType()
			.purposes()
			.stream()
			.anyMatch(p -> viewer.may(Capability.EARLY_WARNING, Action.READ, p));
	}

	/** Whether the drug-checking board's published findings are shown. */
	public static boolean readsFindings(HarmwatchUser viewer) {
		return mayView(viewer);
	}

}
