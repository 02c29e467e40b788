package org.harmwatch.substances;

import java.util.regex.Pattern;

/**
 * The stable, readable identifier of a substance, e.g. {@code fentanyl} or
 * {@code n-desethyl-isotonitazene}.
 *
 * <p>
 * Other modules store it to refer to a substance. It is derived from the name when the
 * substance is created and never changes afterwards, even if the name does.
 */
public record SubstanceId(String code) {

	static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public SubstanceId {
		if (!FORMAT.matcher(code).matches() || code.length() > 80) {
			throw new IllegalArgumentException("A substance code is lower-case letters and digits separated by single"
					+ " hyphens, at most 80 characters: '" + code + "' is not.");
		}
	}

	/** Whether the text is a well-formed code. */
	public static boolean isValid(String code) {
		return code.length() <= 80 && FORMAT.matcher(code).matches();
	}

	@Override
	public String toString() {
		return code;
	}

}
