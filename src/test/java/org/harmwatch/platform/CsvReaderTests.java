package org.harmwatch.platform;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every import's CSV reader (Apache Commons CSV): what the platform's writer writes,
 * Excel's BOM, broken files.
 */
class CsvReaderTests {

	@Test
	void readsBackWhatThePlatformsWriterWritesQuotesCommasAndLineBreaks() {
		var out = new StringBuilder();
		new CsvWriter(out).row(List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", "", "=1+1"));
		var rows = CsvReader.read(out.toString());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).fields()).containsExactly("plain", "with, comma", "with \"quotes\"", "two\nlines", "",
				"'=1+1");
		assertThat(CsvWriter.restore(rows.get(0).fields().get(5))).isEqualTo("=1+1");
	}

	@Test
	void dropsABomKeepsBlankLinesAsBlankRecordsAndNumbersLines() {
		var rows = CsvReader.read("\uFEFFa,b\n\n\"x\ny\",z\r\nlast,1");
		assertThat(rows).extracting(CsvReader.Row::number).containsExactly(1L, 2L, 3L, 4L);
		assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1L, 2L, 3L, 5L);
		assertThat(rows.get(0).fields()).containsExactly("a", "b");
		assertThat(rows.get(1).blank()).isTrue();
		assertThat(rows.get(2).fields()).containsExactly("x\ny", "z");
		assertThat(rows.get(3).fields()).containsExactly("last", "1");
		assertThat(CsvReader.read(new StringReader("\uFEFFa,b\n\n\"x\ny\",z\r\nlast,1"), 10))
			.extracting(CsvReader.Row::line)
			.as("blank lines skipped")
			.containsExactly(1L, 3L, 5L);
	}

	@Test
	void aBomOnlyAtTheStartIsDropped() {
		assertThat(CsvReader.read("a,\uFEFFb").get(0).fields()).containsExactly("a", "\uFEFFb");
		assertThat(CsvReader.read("")).isEmpty();
	}

	@Test
	void refusesWhatIsNotCsvNamingTheLine() {
		assertThatThrownBy(() -> CsvReader.read("a,b\nc,\"never closed\n"))
			.isInstanceOf(CsvReader.MalformedCsvException.class)
			.hasMessageContaining("never closed")
			.satisfies(ex -> assertThat(((CsvReader.MalformedCsvException) ex).line()).isEqualTo(2));
		assertThatThrownBy(() -> CsvReader.read("a,\"b\"c\n")).isInstanceOf(CsvReader.MalformedCsvException.class)
			.hasMessageContaining("after the closing quote");
		assertThatThrownBy(() -> CsvReader.read(new StringReader("h\n1\n2\n3\n"), 3))
			.isInstanceOf(CsvReader.MalformedCsvException.class)
			.hasMessageContaining("more than 2 rows");
	}

	@Test
	void aQuoteInsideAnUnquotedFieldIsText() {
		// Commons CSV, as Excel and LibreOffice, reads it as it is (the hand-written
		// reader refused it).
		assertThat(CsvReader.read("a,b\"c\n").get(0).fields()).containsExactly("a", "b\"c");
	}

	@Test
	void keepsNulAndHugeFieldsAsTextForTheImportToJudge() {
		var huge = "9".repeat(100_000);
		var rows = CsvReader.read("a,b\n" + huge + ",x\u0000y\n");
		assertThat(rows.get(1).fields()).containsExactly(huge, "x\u0000y");
	}

}
