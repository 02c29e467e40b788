package org.harmwatch.dissemination.internal;

import java.util.Collection;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;

/**
 * Who may read which issued alert in the professionals' alerts inbox: the module's one
 * access policy.
 *
 * <p>
 * An alert is for the professionals it was sent to. Staff read an alert when an issue of
 * it was sent to them, or to their agency and role (a professional subscription by agency
 * and/or role, whoever held the role when it was sent): a frontline worker needs no
 * early-warning grant to read the alerts meant for them. Early-warning readers (the
 * coordinator, panel members) read every issued alert, as they do on the early-warning
 * pages. Alerts carry no personal data; the rule keeps restricted alerts with the
 * agencies they were sent to.
 */
public final class DisseminationPolicy {

	private DisseminationPolicy() {
	}

	/**
	 * An agency and role an issue was sent to; {@code null} for any agency or any role.
	 */
	public record Group(@Nullable String agencyCode, @Nullable String roleName) {

		/** Whether the user is staff of this agency in this role. */
		boolean covers(HarmwatchUser user) {
			return (agencyCode == null || agencyCode.equals(user.agencyCode()))
					&& (roleName == null || user.roleNames().contains(roleName));
		}

	}

	/**
	 * Whether the alert was sent to the user: to them by name, or to their agency and
	 * role.
	 */
	public static boolean wasSentTo(HarmwatchUser user, Collection<Group> groups, boolean deliveredToUser) {
		return deliveredToUser || groups.stream().anyMatch(g -> g.covers(user));
	}

	/** Whether the user may read every issued alert (early-warning readers). */
	public static boolean mayReadEveryAlert(HarmwatchUser user) {
		return user.may(Capability.EARLY_WARNING, Action.READ, Purpose.PUBLIC_HEALTH_INTELLIGENCE);
	}

	/** Whether the user may read an issued alert sent to these groups. */
	public static boolean mayRead(HarmwatchUser user, Collection<Group> groups, boolean deliveredToUser) {
		return wasSentTo(user, groups, deliveredToUser) || mayReadEveryAlert(user);
	}

}
