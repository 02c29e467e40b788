package org.harmwatch.agency.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a new password too easy to guess, beyond its length (NIST SP 800-63B
 * §3.1.1.2, NCSC): being one of the 30,000 most common passwords
 * ({@code passwords/common-passwords.txt}, see its README), or one of them with the
 * changes people make to pass rules (digits or symbols added at either end, look-alike
 * digits for letters, the word repeated); a run of one character or a simple sequence; or
 * the account's own username inside it.
 *
 * <p>
 * Checked wherever a password is set: the administrator's staff form and password page,
 * and {@code AgencyManagement}, which every other path goes through.
 */
@Component
public class PasswordRules {

	/** Why a password was refused. */
	public enum Problem {

		/**
		 * On the common list, a simple variation of a listed one, repetitive or a
		 * sequence.
		 */
		COMMON,

		/** The username appears in it. */
		CONTAINS_USERNAME

	}

	private static final String LIST = "passwords/common-passwords.txt";

	private static final int FEWEST_DISTINCT = 5;

	private final Set<String> common;

	public PasswordRules() {
		this.common = load();
	}

	/**
	 * The first problem with {@code password} as a new password for {@code username}, if
	 * it has one.
	 */
	public Optional<Problem> check(String password, @Nullable String username) {
		var lower = password.toLowerCase(Locale.ROOT);
		if (username != null && username.strip().length() >= 3
				&& lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
			return Optional.of(Problem.CONTAINS_USERNAME);
		}
		if (lower.codePoints().distinct().count() < FEWEST_DISTINCT || isSequence(lower)) {
			return Optional.of(Problem.COMMON);
		}
		for (var variant : variants(lower)) {
			if (common.contains(variant) || common.contains(repeatedUnit(variant))) {
				return Optional.of(Problem.COMMON);
			}
		}
		return Optional.empty();
	}

	/** Whether a password is on the list exactly (ignoring case). */
	boolean isListed(String password) {
		return common.contains(password.toLowerCase(Locale.ROOT));
	}

	/**
	 * The password, without digits and symbols at its ends, and with look-alike digits
	 * read as letters.
	 */
	private static Set<String> variants(String lower) {
		var variants = new LinkedHashSet<String>();
		variants.add(lower);
		var stripped = strip(lower);
		variants.add(stripped);
		for (var base : new String[] { lower, stripped }) {
			for (var one : new char[] { 'i', 'l' }) {
				var letters = base.replace('0', 'o')
					.replace('1', one)
					.replace('3', 'e')
					.replace('4', 'a')
					.replace('5', 's')
					.replace('7', 't')
					.replace('@', 'a')
					.replace('$', 's')
					.replace('!', 'i');
				variants.add(letters);
				variants.add(strip(letters));
			}
		}
		variants.remove("");
		return variants;
	}

	/** Without the digits, symbols and spaces at either end. */
	private static String strip(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && !Character.isLetter(text.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	/**
	 * The shortest unit that, repeated, makes up {@code text} ({@code text} itself when
	 * there is none).
	 */
	private static String repeatedUnit(String text) {
		int n = text.length();
		for (int unit = 1; unit <= n / 2; unit++) {
			if (n % unit == 0 && text.substring(0, unit).repeat(n / unit).equals(text)) {
				return text.substring(0, unit);
			}
		}
		return text;
	}

	/**
	 * {@code abcdefghijkl}, {@code 987654321098}: each character one more (or one less)
	 * than the one before.
	 */
	private static boolean isSequence(String text) {
		if (text.length() < 3) {
			return false;
		}
		int step = 0;
		for (int i = 1; i < text.length(); i++) {
			char before = text.charAt(i - 1);
			char now = text.charAt(i);
			int difference;
			if (Character.isDigit(before) && Character.isDigit(now)) {
				difference = Math.floorMod(now - before + 1, 10) - 1;
			}
			else if (Character.isLetter(before) && Character.isLetter(now)) {
				difference = now - before;
			}
			else {
				return false;
			}
			if (difference != 1 && difference != -1 || step != 0 && difference != step) {
				return false;
			}
			step = difference;
		}
		return true;
	}

	private static Set<String> load() {
		var words = new HashSet<String>(40_000);
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(LIST).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				var word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty()) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common password list " + LIST + " cannot be read", ex);
		}
		return Set.copyOf(words);
	}

}
