package org.harmwatch.agency.web;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * A success message shown once, on the page a form redirects to.
 *
 * <p>
 * Kept in the session between the redirect and the next page, so it is serializable.
 *
 * @param key message key
 * @param argument the one argument the message takes, if any
 */
record Notice(String key, @Nullable String argument) implements Serializable {

	static final String ATTRIBUTE = "notice";

}
