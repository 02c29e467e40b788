package org.harmwatch.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of client addresses and usernames, so that rate limits and
 * sign-in throttling, which every instance shares through the database, never store an
 * address in the clear.
 *
 * <p>
 * The key is random, made by the migration that created the tables, and the same for
 * every instance. It lives in the same database, so this is pseudonymisation, not
 * anonymisation: whoever reads the key can test guesses. What keeps the rows harmless is
 * that they are deleted as soon as they no longer limit anyone (minutes to hours).
 */
@Component
public class ClientPseudonyms {

	private final JdbcClient jdbc;

	private volatile byte[] key;

	ClientPseudonyms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The pseudonym of {@code value} for one use ({@code kind}), e.g.
	 * {@code of("address", "192.0.2.7")}.
	 */
	public String of(String kind, String value) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 20);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		var known = key;
		if (known == null) {
			known = jdbc.sql("SELECT key FROM platform.pseudonym_key WHERE id = 1").query(byte[].class).single();
			key = known;
		}
		return known;
	}

}
