package org.harmwatch.hatclinic.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The pseudonym of the recorded-crime link: HMAC-SHA256, under a key held outside the
 * database, of the force's agency code, a colon and the police person identifier
 * (capitals, without spaces), as 64 hexadecimal digits. The force computes the same with
 * the same key for everyone in its data; neither side stores the other's identifier.
 */
public final class CrimeLinkKey {

	/** A police person identifier as accepted: e.g. a PNC ID such as 2001/0123456A. */
	public static final Pattern IDENTIFIER = Pattern.compile("[A-Z0-9/-]{4,30}");

	/** A pseudonym as the force sends it. */
	public static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

	private final byte @Nullable [] key;

	/**
	 * @param base64 the key, base64, at least 32 bytes; blank when none is configured
	 */
	public CrimeLinkKey(String base64) {
		byte[] decoded = base64.isBlank() ? null : Base64.getDecoder().decode(base64.strip());
		if (decoded != null && decoded.length < 32) {
			throw new IllegalArgumentException("harmwatch.hatclinic.crime-link-key must be at least 32 bytes");
		}
		this.key = decoded;
	}

	/** Whether a key is configured, so that links can be made. */
	public boolean configured() {
		return key != null;
	}

	/** The identifier as it is hashed: capitals, without spaces. */
	public static String normalise(String identifier) {
		return identifier.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The pseudonym of the person with the identifier at the force.
	 * @throws IllegalStateException when no key is configured
	 */
	public String pseudonym(String forceAgency, String identifier) {
		if (key == null) {
			throw new IllegalStateException("No crime link key configured");
		}
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			var message = forceAgency + ":" + normalise(identifier);
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
