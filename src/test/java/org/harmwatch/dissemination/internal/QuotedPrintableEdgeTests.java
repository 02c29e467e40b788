package org.harmwatch.dissemination.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact encodings at the edges of RFC 2045's rules: a lone or trailing CR, white space
 * before a line break or at the end, the 76-character limit with and without a soft
 * break, and a template's holes.
 */
class QuotedPrintableEdgeTests {

	private static String encoded(String text) {
		var out = new ByteArrayOutputStream();
		QuotedPrintable.encode(text, out);
		return out.toString(StandardCharsets.US_ASCII);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			// a trailing CR is a line break, and the space before it is encoded
			"trailing CR | 'abc \\r' | 'abc=20\\r\\n'", "trailing LF | 'abc\\n' | 'abc\\r\\n'",
			"trailing CRLF | 'abc\\r\\n' | 'abc\\r\\n'", "lone CR inside | 'a\\rb' | 'a\\r\\nb'",
			"CR CR LF | 'a\\r\\r\\nb' | 'a\\r\\n\\r\\nb'", "only CR | '\\r' | '\\r\\n'",
			"tab before CR | 'a\\t\\rb' | 'a=09\\r\\nb'", "space at the end | 'a ' | 'a=20'",
			"space inside | 'a b' | 'a b'", "equals and DEL | '=\u007f~!' | '=3D=7F~!'",
			"control character | 'a\u0001' | 'a=01'", "non-ASCII | 'é' | '=C3=A9'" })
	void encodesExactly(String name, String text, String expected) {
		assertThat(encoded(unescape(text))).isEqualTo(unescape(expected));
	}

	private static String unescape(String s) {
		return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
	}

	@Test
	void aLineOf76CharactersStaysWholeAnd77GetASoftBreakAfter75() {
		assertThat(encoded("x".repeat(76))).isEqualTo("x".repeat(76));
		assertThat(encoded("x".repeat(76) + "\n")).isEqualTo("x".repeat(76) + "\r\n");
		assertThat(encoded("x".repeat(77))).isEqualTo("x".repeat(75) + "=\r\n" + "xx");
		// an encoded byte that would pass the limit moves to the next line whole
		assertThat(encoded("x".repeat(73) + "é")).isEqualTo("x".repeat(73) + "=\r\n=C3=A9");
		assertThat(encoded("x".repeat(72) + "é")).isEqualTo("x".repeat(72) + "=C3=\r\n=A9");
		assertThat(encoded("x".repeat(71) + "é")).isEqualTo("x".repeat(71) + "=C3=\r\n=A9");
		assertThat(encoded("x".repeat(70) + "é")).isEqualTo("x".repeat(70) + "=C3=A9");
		// a trailing space encoded as =20 still fits the last three columns of a line
		// that ends
		assertThat(encoded("x".repeat(73) + " ")).isEqualTo("x".repeat(73) + "=20");
		assertThat(encoded("x".repeat(74) + " ")).isEqualTo("x".repeat(74) + "=\r\n=20");
	}

	@Test
	void aTemplateLeavesRoomForTheSoftBreakAfterEachPiece() {
		var template = new QuotedPrintable.Template("x".repeat(76) + "LINK" + "end", List.of("LINK"));
		var out = new ByteArrayOutputStream();

		template.write(out, Map.of("LINK", "https://h.example/a"));

		assertThat(out.toString(StandardCharsets.US_ASCII))
			.isEqualTo("x".repeat(75) + "=\r\nx=\r\nhttps://h.example/a=\r\nend");
		assertThat(template.size()).isEqualTo(75 + 3 + 1 + 3 + 3);
	}

	@Test
	void aTemplatePieceEndingInALineBreakNeedsNoSoftBreakAndAMissingValueIsEmpty() {
		// a value's trailing space is followed by the soft break, so it stays a plain
		// space
		var template = new QuotedPrintable.Template("Hello\nACK\nBYE", List.of("ACK", "BYE"));
		var out = new ByteArrayOutputStream();

		template.write(out, Map.of("ACK", "a b "));

		assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("Hello\r\na b =\r\n\r\n=\r\n");
		assertThat(template.size()).isEqualTo("Hello\r\n".length() + "\r\n".length());
	}

}
