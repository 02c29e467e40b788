package org.harmwatch.platform;

import org.jspecify.annotations.Nullable;

/**
 * The stored password hash of an account, looked up on its own so that checking a
 * password costs the same work whether or not the username exists: one look-up, then one
 * hash, and the account itself is loaded only once the password matched. The module that
 * keeps accounts implements it.
 */
public interface PasswordHashes {

	/**
	 * The hash for this username (case-insensitive), or {@code null} when there is no
	 * such account or no password.
	 */
	@Nullable String passwordHash(String username);

}
