package org.harmwatch.platform;

import org.jspecify.annotations.Nullable;

/**
 * An entry in the main navigation, contributed by a module as a bean.
 *
 * @param labelKey message key of the label
 * @param path where it leads
 * @param authority the authority a user needs to see it; {@link #SIGNED_IN} for anyone signed in; {@code null} for
 * everyone, the public included
 * @param descriptionKey message key of the one-line description shown on the home page
 * @param order position, lowest first
 */
public record NavigationItem(String labelKey, String path, @Nullable String authority, String descriptionKey,
		int order) {

	/** The {@code authority} of an entry shown to anyone signed in, whatever their roles, but not to the public. */
	public static final String SIGNED_IN = "SIGNED_IN";

}
