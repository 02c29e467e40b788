package org.harmwatch.platform.internal;

import java.time.Clock;
import java.util.UUID;

import org.harmwatch.platform.AuditLog;
import org.harmwatch.platform.AuditLog.Outcome;
import org.harmwatch.platform.PasswordHashes;
import org.harmwatch.platform.SignInThrottle;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password, throttled by {@link SignInThrottle}, in a way that
 * tells a guesser nothing about which usernames exist.
 *
 * <p>
 * Only the stored hash is looked up before the password is checked
 * ({@link PasswordHashes}: one query, whether or not the username exists), and an unknown
 * username, or an account without a password (single sign-on only), is checked against a
 * dummy hash made with the same encoder; so it costs the same time as a wrong password
 * for a real account, and both are the same {@link BadCredentialsException}. The account
 * is loaded only once the password matched. Whether the account is disabled is only said
 * to someone who gave its password. An attempt while its keys must wait is refused before
 * any password is checked.
 */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

	/**
	 * Longer passwords are not hashed (a sign-in should not make the server hash
	 * megabytes); they never match.
	 */
	static final int MAX_PRESENTED_LENGTH = 1024;

	private final PasswordHashes hashes;

	private final UserDetailsService users;

	private final PasswordEncoder encoder;

	private final @Nullable UserDetailsPasswordService upgrades;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	private final String dummyHash;

	PasswordAuthenticationProvider(PasswordHashes hashes, UserDetailsService users, PasswordEncoder encoder,
			@Nullable UserDetailsPasswordService upgrades, SignInThrottle throttle, AuditLog audit, Clock clock) {
		this.hashes = hashes;
		this.users = users;
		this.encoder = encoder;
		this.upgrades = upgrades;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
		this.dummyHash = encoder.encode(UUID.randomUUID().toString());
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var username = authentication.getName() == null ? "" : authentication.getName();
		var credentials = authentication.getCredentials();
		var presented = credentials == null ? "" : credentials.toString();
		var details = authentication.getDetails() instanceof SignInDetails d ? d : null;
		if (details != null) {
			var until = throttle.blockedUntil(details.attempt(username), clock.instant());
			if (until.isPresent()) {
				throw new SignInThrottledException(until.get());
			}
		}
		// No such account (or no password): checked against the dummy hash, at the same
		// cost as a real one.
		var hash = hashes.passwordHash(username);
		boolean tooLong = presented.length() > MAX_PRESENTED_LENGTH;
		boolean matches = encoder.matches(tooLong ? presented.substring(0, MAX_PRESENTED_LENGTH) : presented,
				hash == null ? dummyHash : hash);
		if (hash == null || tooLong || !matches) {
			if (details != null && throttle.failed(details.attempt(username), clock.instant())) {
				audit.recordFor(username, null, PlatformAudit.SIGN_IN_SLOWED, "staff", null, null, Outcome.DENIED,
						"failed sign-ins from unfamiliar clients: further attempts from them wait");
			}
			throw new BadCredentialsException("Bad credentials");
		}
		var user = users.loadUserByUsername(username);
		if (!user.isEnabled()) {
			throw new DisabledException("Account disabled");
		}
		if (upgrades != null && encoder.upgradeEncoding(hash)) {
			user = upgrades.updatePassword(user, encoder.encode(presented));
		}
		if (details != null) {
			throttle.succeeded(details.successfulAttempt(username), clock.instant());
		}
		var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		// Kept in the session, so only the address: never the device token.
		result.setDetails(
				details == null ? authentication.getDetails() : new WebAuthenticationDetails(details.address(), null));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
