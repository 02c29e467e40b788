package org.harmwatch.platform;

import java.util.Optional;

/**
 * Turns a bearer token presented by an API client into the client it belongs to.
 *
 * <p>
 * Implemented by the module that issues tokens; the platform calls it for every request
 * that carries {@code Authorization: Bearer …}.
 */
public interface ApiTokenResolver {

	/** The client, if the token is known and not revoked. */
	Optional<HarmwatchUser> resolve(String token);

}
