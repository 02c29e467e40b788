package org.harmwatch.dissemination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

/**
 * Our encoder against Jakarta Mail's decoder, and RFC 2045's rules on what an encoded
 * line may be.
 */
class QuotedPrintableTests {

	@Test
	void encodesWhatRfc2045AsksAndDecodesBackToTheText() throws Exception {
		var text = "Warning – heroin with fentanyl = danger.\nDo not use alone. \n\tCarry naloxone.\t\r\n"
				+ "x".repeat(200) + "\n" + "é".repeat(60) + " \n" + "=".repeat(40);
		var encoded = encoded(text);
		assertThat(encoded).contains("Warning =E2=80=93 heroin", "fentanyl =3D danger.", "alone.=20\r\n",
				"naloxone.=09\r\n");
		assertRules(encoded);
		assertThat(decoded(encoded)).isEqualTo(text.replace("\r\n", "\n").replace("\n", "\r\n"));
	}

	@Test
	void anyTextRoundTripsWithLinesOfAtMost76Characters() throws Exception {
		var random = new Random(20261123);
		var alphabet = "abc XYZ=\t\n.é–€😀<>\"&".codePoints().toArray();
		for (int n = 0; n < 500; n++) {
			var text = new StringBuilder();
			for (int i = random.nextInt(400); i > 0; i--) {
				text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
			}
			var encoded = encoded(text.toString());
			assertRules(encoded);
			assertThat(decoded(encoded)).isEqualTo(text.toString().replace("\n", "\r\n"));
		}
	}

	@Test
	void aTemplateFilledPerRecipientDecodesToTheSameTextAsEncodingItWhole() throws Exception {
		var random = new Random(4);
		var alphabet = "ab é\n=\t<a href=\"".codePoints().toArray();
		var holes = List.of("HWLINKACK", "HWLINKUNSUBSCRIBE");
		for (int n = 0; n < 300; n++) {
			var body = new StringBuilder();
			for (int i = random.nextInt(300); i > 0; i--) {
				if (random.nextInt(40) == 0) {
					body.append(holes.get(random.nextInt(2)));
				}
				else {
					body.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
				}
			}
			var values = Map.of("HWLINKACK", "https://harmwatch.example/acknowledge/" + "t".repeat(random.nextInt(90)),
					"HWLINKUNSUBSCRIBE", "https://harmwatch.example/unsubscribe/abc-_" + n);
			var out = new ByteArrayOutputStream();
			new QuotedPrintable.Template(body.toString(), holes).write(out, values);
			var encoded = out.toString(StandardCharsets.US_ASCII);
			assertRules(encoded);
			var expected = body.toString()
				.replace("HWLINKACK", values.get("HWLINKACK"))
				.replace("HWLINKUNSUBSCRIBE", values.get("HWLINKUNSUBSCRIBE"));
			assertThat(decoded(encoded)).isEqualTo(expected.replace("\n", "\r\n"));
		}
	}

	private static String encoded(String text) {
		var out = new ByteArrayOutputStream();
		QuotedPrintable.encode(text, out);
		return out.toString(StandardCharsets.US_ASCII);
	}

	private static String decoded(String encoded) throws Exception {
		try (var in = MimeUtility.decode(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.US_ASCII)),
				"quoted-printable")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void assertRules(String encoded) {
		for (var line : encoded.split("\r\n", -1)) {
			assertThat(line.length()).as(line).isLessThanOrEqualTo(76);
			assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
			assertThat(line.chars().allMatch(c -> c >= 32 && c <= 126 || c == '\t')).as(line).isTrue();
		}
		assertThat(encoded.replace("\r\n", "")).doesNotContain("\r", "\n");
	}

}
