package org.harmwatch.platform.internal;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused unchecked because its client must wait after failed attempts.
 */
final class SignInThrottledException extends AuthenticationException {

	private final Instant until;

	SignInThrottledException(Instant until) {
		super("Too many failed sign-ins: wait");
		this.until = until;
	}

	Instant until() {
		return until;
	}

}
