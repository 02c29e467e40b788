package org.harmwatch.platform;

import org.jspecify.annotations.Nullable;

/**
 * An entry in the main navigation, contributed by a module as a bean.
 *
 * @param labelKey message key of the label
 * @param path where it leads
 * @param authority the authority a user needs to see it; {@code null} for everyone
 * @param descriptionKey message key of the one-line description shown on the home page
 * @param order position, lowest first
 */
public record NavigationItem(String labelKey, String path, @Nullable String authority, String descriptionKey,
		int order) {

}
