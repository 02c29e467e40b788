package org.harmwatch.drugchecking.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Anonymous sample codes such as {@code WM-7K3Q-9XPD}: eight characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L, 5/S, 8/B), drawn from a secure random source, so about 2^38 codes: too many to guess one that exists.
 */
public final class SampleCodes {

	static final String ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SampleCodes() {
	}

	public static String next() {
		var code = new StringBuilder("WM-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** The code as typed, upper-cased and with spaces removed; the dashes are optional. */
	public static String normalise(String typed) {
		var compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		if (compact.startsWith("WM")) {
			compact = compact.substring(2);
		}
		if (compact.length() != 8) {
			return typed.strip().toUpperCase(Locale.ROOT);
		}
		return "WM-" + compact.substring(0, 4) + "-" + compact.substring(4);
	}

}
