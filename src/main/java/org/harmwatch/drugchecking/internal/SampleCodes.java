package org.harmwatch.drugchecking.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Anonymous sample codes such as {@code WM-7K3Q-9XPD-4HMW}: twelve characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B), drawn from a secure random
 * source: 27^12 ≈ 1.5 × 10^17 (2^57) codes.
 *
 * <p>
 * The public lookup takes a code and nothing else, so the code is the only secret. With N
 * codes issued, a guess finds one with probability N / 27^12: even with a million samples
 * that is 1.5 × 10^11 guesses per hit, and at the lookup's rate limit of 10 a minute per
 * client address (held across instances, ADR 8) about 29,000 years per address. Codes
 * issued before December 2026 have eight characters (27^8 ≈ 2.8 × 10^11) and are still
 * accepted; the lookup limits guesses at them separately (see the public lookup's
 * limiter).
 */
public final class SampleCodes {

	static final String ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SampleCodes() {
	}

	/** Characters in a code issued now. */
	public static final int LENGTH = 12;

	/** Characters in a code issued before December 2026. */
	public static final int LEGACY_LENGTH = 8;

	public static String next() {
		var code = new StringBuilder("WM-");
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The code as typed, upper-cased and with spaces removed; the dashes are optional.
	 */
	public static String normalise(String typed) {
		var compact = compact(typed);
		if (compact.length() != LENGTH && compact.length() != LEGACY_LENGTH) {
			return typed.strip().toUpperCase(Locale.ROOT);
		}
		var code = new StringBuilder("WM");
		for (int i = 0; i < compact.length(); i += 4) {
			code.append('-').append(compact, i, i + 4);
		}
		return code.toString();
	}

	/**
	 * Whether the typed code has the length of a code issued before December 2026 (eight
	 * characters).
	 */
	public static boolean isLegacy(String typed) {
		return compact(typed).length() == LEGACY_LENGTH;
	}

	private static String compact(String typed) {
		var compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		return compact.startsWith("WM") ? compact.substring(2) : compact;
	}

}
