package org.harmwatch.platform;

import java.util.Optional;

/**
 * Looks up what a signed-in member of staff may do now, so that changes to their account
 * count on their next request.
 *
 * <p>
 * Implemented by the module that keeps staff accounts; the platform calls it for every
 * request that a session authenticates, because the user kept in the session is a copy
 * taken at sign-in.
 */
public interface CurrentUsers {

	/**
	 * The user as they stand now.
	 * @param signedIn the user kept in the session
	 * @return {@code signedIn} itself if nothing that decides their access has changed, a
	 * fresh user (without credentials) if their agency, roles or grants have, or empty if
	 * they may no longer act at all: the account is gone or disabled, or their agency is
	 * inactive
	 */
	Optional<HarmwatchUser> current(HarmwatchUser signedIn);

}
