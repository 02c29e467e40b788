package org.harmwatch.agency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.harmwatch.platform.ApiTokenResolver;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.SqlArrays;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.AgencyType;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Grant;
import org.harmwatch.shared.Purpose;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

	/**
	 * How stale a client's "last used" may get before a call writes it again: a busy
	 * client's calls stay read-only, so they never wait for a write to reach the disk.
	 */
	static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

	private final ApiClientRepository clients;

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(ApiClientRepository clients, JdbcClient jdbc, Clock clock) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.clock = clock;
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

	/**
	 * The API client a token belongs to, as a user, or empty when the token is unknown,
	 * revoked or its agency inactive. Read on every call (rights change at once) in one
	 * query: client, agency and grants together, outside a transaction (a statement on
	 * its own needs none; "last used" is written apart, only when five minutes stale).
	 */
	@Override
	public Optional<HarmwatchUser> resolve(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		var found = jdbc.sql("""
				SELECT c.id, c.name, c.last_used_at, a.code, a.name AS agency_name, a.type,
				  coalesce(array_agg(g.capability || ':' || g.action || ':' || g.purpose)
				    FILTER (WHERE g.api_client IS NOT NULL), '{}') AS grants
				FROM agency.api_client c
				JOIN agency.agency a ON a.id = c.agency AND a.active
				LEFT JOIN agency.api_client_grant g ON g.api_client = c.id
				WHERE c.token_hash = ? AND c.revoked_at IS NULL
				GROUP BY c.id, a.id""").param(hash(token)).query((rs, n) -> {
			var lastUsed = rs.getTimestamp("last_used_at");
			var grants = new HashSet<Grant>();
			for (var grant : SqlArrays.strings(rs.getArray("grants"))) {
				var parts = grant.split(":");
				grants
					.add(new Grant(Capability.valueOf(parts[0]), Action.valueOf(parts[1]), Purpose.valueOf(parts[2])));
			}
			var id = rs.getObject("id", UUID.class);
			var name = rs.getString("name");
			return new Resolved(
					new HarmwatchUser(id, "api:" + name, null, name, rs.getString("code"), rs.getString("agency_name"),
							AgencyType.valueOf(rs.getString("type")), List.of("API_CLIENT"), grants, true, false),
					lastUsed == null ? null : lastUsed.toInstant());
		}).optional();
		found.filter(r -> r.lastUsedAt() == null || r.lastUsedAt().isBefore(clock.instant().minus(TOUCH_EVERY)))
			.ifPresent(r -> clients.touch(r.user().id()));
		return found.map(Resolved::user);
	}

	private record Resolved(HarmwatchUser user, @Nullable Instant lastUsedAt) {
	}

}
