package org.harmwatch.overdose.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import reads the commonest layout of a local time without a formatter; it must read
 * exactly what the formatter reads, and leave to the formatter (which then reads or
 * refuses it as before) everything else.
 */
class ImportTimesTests {

	@Test
	void theFastReadingAgreesWithTheFormatter() {
		for (var text : new String[] { "2024-05-17T14:03:00", "2024-05-17T14:03", "2024-05-17 14:03:59",
				"2024-02-29T00:00:00", "2023-12-31T23:59:59", "1990-01-01T00:00", "0000-01-01T00:00:00",
				"2024-10-27T01:30:00" }) {
			var formatted = LocalDateTime.parse(text.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			assertThat(IncidentImportKind.isoLocal(text)).as(text).isEqualTo(formatted);
		}
	}

	@Test
	void whatTheFastReadingCannotReadIsLeftToTheFormatters() {
		for (var text : new String[] { "2023-02-29T10:00:00", "2024-04-31T10:00", "2024-13-01T10:00",
				"2024-00-10T10:00", "2024-05-00T10:00", "2024-05-17T24:00:00", "2024-05-17T10:60",
				"2024-05-17T10:00:60", "2024-05-17T10:00:00Z", "2024-05-17T10:00:00.5", "2024-05-17",
				"17/05/2024 10:00", "2024-O5-17T10:00", "+2024-05-17T10:00", "2024-05-17X10:00:00",
				"2024-05-17T10-00-00", "" }) {
			assertThat(IncidentImportKind.isoLocal(text)).as(text).isNull();
		}
		// Those the formatter refuses too: nothing is read differently.
		for (var text : new String[] { "2023-02-29T10:00:00", "2024-04-31T10:00", "2024-13-01T10:00",
				"2024-05-17T24:00:00" }) {
			assertThat(parses(text)).as(text).isFalse();
		}
	}

	private static boolean parses(String text) {
		try {
			LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
