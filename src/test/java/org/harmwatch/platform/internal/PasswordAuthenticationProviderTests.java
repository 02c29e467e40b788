package org.harmwatch.platform.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.harmwatch.platform.AuditAction;
import org.harmwatch.platform.AuditLog;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unknown username costs the same work as a wrong password: one hash of the same
 * algorithm and parameters. Checked by what is hashed, not by a stopwatch (the timing
 * comparison this replaces failed on a loaded machine).
 */
class PasswordAuthenticationProviderTests {

	/** The application's encoder, recording every hash a password is checked against. */
	static final class RecordingEncoder implements PasswordEncoder {

		final PasswordEncoder delegate = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));

		final List<String> checkedAgainst = new ArrayList<>();

		@Override
		public String encode(CharSequence raw) {
			return delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checkedAgainst.add(encoded);
			return delegate.matches(raw, encoded);
		}

	}

	static final AuditLog NO_AUDIT = new AuditLog() {

		@Override
		public void record(AuditAction action, String recordType, @Nullable String recordId, @Nullable Purpose purpose,
				Outcome outcome, @Nullable String detail) {
		}

		@Override
		public void recordFor(String actor, @Nullable String agency, AuditAction action, String recordType,
				@Nullable String recordId, @Nullable Purpose purpose, Outcome outcome, @Nullable String detail) {
		}

	};

	@Test
	void anUnknownUsernameIsCheckedAgainstOneHashMadeLikeARealOne() {
		var encoder = new RecordingEncoder();
		var realHash = encoder.encode("correct horse battery staple");
		var provider = new PasswordAuthenticationProvider(
				username -> username.equalsIgnoreCase("admin") ? realHash : null, username -> {
					throw new UsernameNotFoundException(username);
				}, encoder, null, null, NO_AUDIT, Clock.systemUTC());

		assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("nobody", "guess")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("admin", "wrong")))
			.isInstanceOf(BadCredentialsException.class);

		assertThat(encoder.checkedAgainst).hasSize(2);
		var dummy = encoder.checkedAgainst.get(0);
		assertThat(encoder.checkedAgainst.get(1)).isEqualTo(realHash);
		// {argon2}$argon2id$v=19$m=16384,t=2,p=1$salt$hash: the same algorithm, version
		// and cost; only the salt and the hash differ.
		assertThat(parameters(dummy)).isEqualTo(parameters(realHash)).startsWith("{argon2}$argon2id$");
		assertThat(dummy).isNotEqualTo(realHash);
	}

	@Test
	void anOverlongPasswordIsHashedOnceAndRefusedEvenWhenItsStartMatches() {
		var encoder = new RecordingEncoder();
		var realHash = encoder.encode("x".repeat(PasswordAuthenticationProvider.MAX_PRESENTED_LENGTH));
		var provider = new PasswordAuthenticationProvider(username -> realHash, username -> {
			throw new UsernameNotFoundException(username);
		}, encoder, null, null, NO_AUDIT, Clock.systemUTC());
		assertThatThrownBy(
				() -> provider.authenticate(new UsernamePasswordAuthenticationToken("admin", "x".repeat(100_000))))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(encoder.checkedAgainst).containsExactly(realHash);
	}

	static String parameters(String hash) {
		int end = 0;
		for (int i = 0; i < 4; i++) {
			end = hash.indexOf('$', end + 1);
		}
		return hash.substring(0, end);
	}

}
