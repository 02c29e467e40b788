package org.harmwatch.overdose.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Office for National Statistics' definitions of deaths related to drug poisoning and
 * of drug misuse deaths, applied to a coroner's finding (docs/overdose-deaths.md).
 *
 * <p>
 * A death is <em>related to drug poisoning</em> when its underlying cause (ICD-10) is one
 * of F03, F11–F16, F18–F19, G31.2, G62.1, G72.0, I42.7, X40–X44, X60–X64, X85 or Y10–Y14.
 * It is a <em>drug misuse</em> death when the underlying cause is drug abuse or
 * dependence (F11–F16, F18–F19), or is a drug poisoning (X40–X44, X60–X64, X85, Y10–Y14)
 * with any substance involved controlled under the Misuse of Drugs Act 1971.
 */
public final class DrugDeathDefinition {

	/** An ICD-10 code as written: a letter, two digits, optionally a dot and more. */
	static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");

	private DrugDeathDefinition() {
	}

	/**
	 * The code in the form the rules read ({@code x42} → {@code X42}); null if not
	 * ICD-10.
	 */
	public static @Nullable String normalise(@Nullable String cause) {
		if (cause == null) {
			return null;
		}
		var code = cause.strip().toUpperCase(Locale.ROOT);
		if (code.length() >= 4 && code.charAt(3) != '.') {
			code = code.substring(0, 3) + "." + code.substring(3);
		}
		return ICD10.matcher(code).matches() ? code : null;
	}

	/** Whether the underlying cause makes the death one related to drug poisoning. */
	public static boolean drugPoisoning(String cause) {
		return abuseOrDependence(cause) || poisoning(cause) || cause.startsWith("F03") || cause.startsWith("G31.2")
				|| cause.startsWith("G62.1") || cause.startsWith("G72.0") || cause.startsWith("I42.7");
	}

	/**
	 * Whether the death is a drug misuse death.
	 * @param controlled whether any substance involved is controlled under the Misuse of
	 * Drugs Act 1971 (null: not known, so a poisoning does not count)
	 */
	public static boolean drugMisuse(String cause, @Nullable Boolean controlled) {
		return abuseOrDependence(cause) || poisoning(cause) && Boolean.TRUE.equals(controlled);
	}

	private static boolean abuseOrDependence(String cause) {
		return in(cause, 'F', 11, 16) || in(cause, 'F', 18, 19);
	}

	private static boolean poisoning(String cause) {
		return in(cause, 'X', 40, 44) || in(cause, 'X', 60, 64) || in(cause, 'X', 85, 85) || in(cause, 'Y', 10, 14);
	}

	private static boolean in(String cause, char letter, int first, int last) {
		if (cause.length() < 3 || cause.charAt(0) != letter) {
			return false;
		}
		int number = Integer.parseInt(cause.substring(1, 3));
		return number >= first && number <= last;
	}

}
