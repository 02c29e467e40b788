package org.harmwatch.platform;

import java.util.Collection;

import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;

/**
 * An entry in the service navigation, contributed by a module as a bean from its
 * {@code web/…Navigation} class.
 *
 * @param group the section it belongs to
 * @param labelKey message key of the label
 * @param path where it leads; pages under it (after a {@code /}) count as this entry for
 * the current-page mark
 * @param shownTo who may see it
 * @param descriptionKey message key of the one-line description shown on the home page
 * @param order position in its section, lowest first; the first entry a person may see is
 * where the section opens
 */
public record NavigationItem(NavigationGroup group, String labelKey, String path, ShownTo shownTo,
		String descriptionKey, int order) {

	/** Whether someone signed in (or not) with these authorities may see this entry. */
	public boolean visibleTo(boolean signedIn, Collection<String> authorities) {
		return shownTo.allows(signedIn, authorities);
	}

	/**
	 * Who may see an entry: everyone (the public included), anyone signed in, or those
	 * granted an action on a capability for any purpose (the same rule as the
	 * {@link Requires} on the page it leads to).
	 *
	 * @param mustSignIn whether the reader must be signed in
	 * @param capability the capability the reader must hold the action on, or
	 * {@code null} for none
	 * @param action the action, or {@code null} for none
	 */
	public record ShownTo(boolean mustSignIn, @Nullable Capability capability, @Nullable Action action) {

		public ShownTo {
			if ((capability == null) != (action == null)) {
				throw new IllegalArgumentException("A grant names both a capability and an action.");
			}
		}

		/** Everyone, the public included. */
		public static ShownTo everyone() {
			return new ShownTo(false, null, null);
		}

		/** Anyone signed in, whatever their roles, but not the public. */
		public static ShownTo signedIn() {
			return new ShownTo(true, null, null);
		}

		/** Those granted this action on this capability (for any purpose). */
		public static ShownTo holders(Capability capability, Action action) {
			return new ShownTo(true, capability, action);
		}

		boolean allows(boolean isSignedIn, Collection<String> authorities) {
			if (mustSignIn && !isSignedIn) {
				return false;
			}
			return capability == null || authorities.contains(capability + ":" + action);
		}

	}

}
