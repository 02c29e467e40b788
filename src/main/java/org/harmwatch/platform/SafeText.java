package org.harmwatch.platform;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * What text Harmwatch accepts from outside: Unicode that PostgreSQL can store, so no NUL
 * character and no half of a surrogate pair.
 *
 * <p>
 * Request parameters and JSON bodies are checked once for every endpoint by the
 * platform's input filter; modules use this for what arrives in files (CSV imports).
 */
public final class SafeText {

	private SafeText() {
	}

	/**
	 * The index of the first character that cannot be accepted, or -1 when there is none.
	 */
	public static int firstUnsafe(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return i;
				}
			}
			else if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/** Whether the text can be accepted. */
	public static boolean isSafe(@Nullable CharSequence text) {
		return text == null || firstUnsafe(text) < 0;
	}

	/**
	 * What is wrong with the text, as the end of a sentence ("contains a NUL character"),
	 * or null when nothing.
	 */
	public static @Nullable String problem(CharSequence text) {
		int at = firstUnsafe(text);
		if (at < 0) {
			return null;
		}
		return text.charAt(at) == '\0' ? "contains a NUL character (U+0000), which text may not hold"
				: "contains half of a surrogate pair (U+"
						+ Integer.toHexString(text.charAt(at)).toUpperCase(java.util.Locale.ROOT)
						+ "), which is not valid Unicode";
	}

	/**
	 * The bytes of a text file as text: UTF-8 (a leading byte-order mark is kept for the
	 * reader to skip) with no NUL.
	 * @throws NotText when the bytes are not UTF-8 or hold a NUL byte, as a spreadsheet
	 * (.xlsx), an image or any other binary file does
	 */
	public static String decodeUtf8(byte[] content) throws NotText {
		if (isBinary(content)) {
			throw new NotText("it contains binary data (NUL bytes), so it is not a text file");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new NotText("it is not UTF-8 text");
		}
	}

	/**
	 * Whether the bytes are binary rather than text in any single-byte or UTF-8 encoding:
	 * they hold a NUL byte, as every spreadsheet (.xlsx, .xls, .ods), image, PDF and
	 * archive does and no CSV does.
	 */
	public static boolean isBinary(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return true;
			}
		}
		return false;
	}

	/** Bytes that are not text; the message says why, as the end of a sentence. */
	public static class NotText extends Exception {

		public NotText(String message) {
			super(message);
		}

	}

}
