package org.harmwatch.agency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.harmwatch.platform.ApiTokenResolver;
import org.harmwatch.platform.HarmwatchUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues API tokens and recognises them.
 *
 * <p>
 * A token is 32 random bytes; only its SHA-256 is stored. A slow password hash would add
 * nothing against guessing a 256-bit secret and would cost every API call tens of
 * milliseconds.
 */
@Service
public class ApiTokens implements ApiTokenResolver {

	static final String PREFIX = "hw_";

	private final SecureRandom random = new SecureRandom();

	private final ApiClientRepository clients;

	private final AgencyRepository agencies;

	ApiTokens(ApiClientRepository clients, AgencyRepository agencies) {
		this.clients = clients;
		this.agencies = agencies;
	}

	/** A new random token. */
	public String newToken() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	@Transactional
	public Optional<HarmwatchUser> resolve(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return clients.findByTokenHash(hash(token)).filter(client -> !client.revoked()).flatMap(client -> {
			var agency = agencies.findById(client.agencyId()).filter(Agency::active);
			if (agency.isEmpty()) {
				return Optional.empty();
			}
			clients.touch(client.id());
			return Optional
				.of(new HarmwatchUser(client.id(), "api:" + client.name(), null, client.name(), agency.get().code(),
						agency.get().name(), agency.get().type(), List.of("API_CLIENT"), client.grants(), true, false));
		});
	}

}
