package org.harmwatch.platform.internal;

import java.nio.charset.StandardCharsets;

import org.harmwatch.platform.SafeText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the input filter finds in text and in JSON, and how it names where. */
class InputHygieneFilterTests {

	@Test
	void findsNulAndHalvesOfSurrogatePairsButNotWholePairs() {
		assertThat(SafeText.firstUnsafe("plain text, émigré, \u20AC")).isEqualTo(-1);
		assertThat(SafeText.firstUnsafe("a pill \uD83D\uDC8A")).as("a whole pair (an emoji)").isEqualTo(-1);
		assertThat(SafeText.firstUnsafe("ab\u0000c")).isEqualTo(2);
		assertThat(SafeText.firstUnsafe("x\uD83D")).as("a high half at the end").isEqualTo(1);
		assertThat(SafeText.firstUnsafe("\uDC8Ax")).as("a low half alone").isEqualTo(0);
		assertThat(SafeText.firstUnsafe("\uD83D\uD83D\uDC8A")).as("a high half before a pair").isEqualTo(0);
		assertThat(SafeText.problem("a\u0000")).contains("NUL");
		assertThat(SafeText.problem("a\uD800")).contains("surrogate").contains("U+D800");
		assertThat(SafeText.problem("fine")).isNull();
	}

	@Test
	void decodesTextFilesAndRefusesBinaryOnes() throws Exception {
		assertThat(SafeText.decodeUtf8("code,name\r\nmdma,MDMA\r\n".getBytes(StandardCharsets.UTF_8)))
			.startsWith("code,name");
		assertThat(SafeText.isBinary(new byte[] { 'P', 'K', 3, 4, 0, 0 })).isTrue();
		assertThatThrownBy(() -> SafeText.decodeUtf8(new byte[] { 'a', 0, 'b' })).isInstanceOf(SafeText.NotText.class)
			.hasMessageContaining("binary");
		assertThatThrownBy(() -> SafeText.decodeUtf8(new byte[] { 'a', (byte) 0xE9, 'b' }))
			.isInstanceOf(SafeText.NotText.class)
			.hasMessageContaining("not UTF-8");
	}

	@Test
	void namesThePropertyOfAJsonStringThatCannotBeAccepted() {
		assertThat(check("{\"a\": \"fine\", \"b\": [1, {\"c\": \"x\\u0000\"}]}")).isEqualTo("b[1].c");
		assertThat(check("{\"substances\": [{\"text\": \"ok\"}, {\"text\": \"\\ud83d\"}]}"))
			.isEqualTo("substances[1].text");
		assertThat(check("[\"\\udc00\"]")).isEqualTo("[0]");
		assertThat(check("\"\\u0000\"")).isEqualTo("body");
		assertThat(check("{\"na\\u0000me\": 1}")).isEqualTo("na\uFFFDme");
		assertThat(check("{\"emoji\": \"\\ud83d\\udc8a\", \"n\": 1.5}")).isNull();
		assertThat(check("{not json")).as("left to the endpoint's own reader").isNull();
	}

	@Test
	void readsTheBodyInTheCharsetItDeclares() {
		var latin1 = "{\"a\": \"caf\u00E9\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(InputHygieneFilter.checkJson(latin1, StandardCharsets.ISO_8859_1)).isNull();
	}

	private static String check(String json) {
		var refusal = InputHygieneFilter.checkJson(json.getBytes(StandardCharsets.UTF_8), null);
		return refusal == null ? null : refusal.field();
	}

}
