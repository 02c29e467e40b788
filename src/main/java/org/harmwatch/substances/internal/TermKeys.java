package org.harmwatch.substances.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared: the normalised key of a name, and the variants of a free text
 * worth looking up.
 *
 * <p>
 * The key ignores case, accents and compatibility forms (full-width letters), spaces,
 * hyphens and all other punctuation, and spells out Greek letter prefixes: "α-PVP",
 * "Alpha PVP" and "ALPHA-pvp" share the key {@code alphapvp}. Letters and digits of every
 * script are kept.
 */
public final class TermKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern WORD_START = Pattern.compile("(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]");

	private static final Pattern PARENTHESES = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]\\s*");

	private static final Pattern INSIDE_PARENTHESES = Pattern.compile("[(\\[]([^)\\]]*)[)\\]]");

	/**
	 * Salt and form words a lab or a report may add to a drug's name ("cocaine
	 * hydrochloride", "MDMA HCl").
	 */
	private static final Pattern SALT = Pattern
		.compile("(?i)[\\s-]+(hydrochloride|hcl|hydrobromide|hbr|sulfate|sulphate|citrate|phosphate|tartrate|bitartrate"
				+ "|fumarate|maleate|mesylate|salt)\\s*$");

	private TermKeys() {
	}

	/** The normalised key of a name; empty when the text has no letters or digits. */
	public static String key(String text) {
		var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		var withoutMarks = MARKS.matcher(decomposed).replaceAll("");
		var greek = withoutMarks.replace("α", "alpha")
			.replace("β", "beta")
			.replace("γ", "gamma")
			.replace("δ", "delta")
			.replace("Α", "alpha")
			.replace("Β", "beta");
		return NOT_LETTER_OR_DIGIT.matcher(greek.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	/**
	 * Other readings of a free text to try when the text itself matches nothing: without
	 * a salt word ("cocaine hydrochloride"), without a parenthesised part ("methyl
	 * ecgonidine (MED)"), and each parenthesised part alone.
	 */
	public static List<String> variants(String text) {
		var result = new ArrayList<String>();
		var withoutSalt = SALT.matcher(text.strip()).replaceAll("");
		if (!withoutSalt.equals(text.strip())) {
			result.add(withoutSalt);
		}
		var withoutParentheses = PARENTHESES.matcher(text).replaceAll(" ").strip();
		if (!withoutParentheses.equals(text.strip()) && !withoutParentheses.isEmpty()) {
			result.add(withoutParentheses);
			var stripped = SALT.matcher(withoutParentheses).replaceAll("");
			if (!stripped.equals(withoutParentheses)) {
				result.add(stripped);
			}
		}
		var inside = INSIDE_PARENTHESES.matcher(text);
		while (inside.find()) {
			if (!inside.group(1).isBlank()) {
				result.add(inside.group(1).strip());
			}
		}
		return result;
	}

	/**
	 * The keys of the text from the start of each of its words to its end: "black mamba"
	 * gives {@code blackmamba} and {@code mamba}.
	 */
	static List<String> wordKeys(String text) {
		var result = new ArrayList<String>();
		var matcher = WORD_START.matcher(text);
		while (matcher.find()) {
			var key = key(text.substring(matcher.start()));
			if (!key.isEmpty() && !result.contains(key)) {
				result.add(key);
			}
		}
		return result;
	}

	/**
	 * A code derived from a name: lower-case ASCII letters and digits separated by single
	 * hyphens.
	 */
	public static String codeFor(String name) {
		var decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
		var ascii = MARKS.matcher(decomposed).replaceAll("").replace("α", "alpha").replace("β", "beta");
		var code = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return code.length() > 80 ? code.substring(0, 80).replaceAll("-+$", "") : code;
	}

	/**
	 * The digits of a key in order; a spelling correction may not change them ("4F-" is
	 * not "5F-").
	 */
	static String digits(String key) {
		var result = new StringBuilder();
		for (int i = 0; i < key.length(); i++) {
			if (Character.isDigit(key.charAt(i))) {
				result.append(key.charAt(i));
			}
		}
		return result.toString();
	}

}
