package org.harmwatch.substances.internal;

import java.io.StringReader;
import java.util.List;

import org.harmwatch.platform.CsvWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTests {

	@Test
	void readsBackWhatThePlatformsWriterWritesQuotesCommasAndLineBreaks() {
		var out = new StringBuilder();
		new CsvWriter(out).row(List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", ""));
		assertThat(out.toString()).isEqualTo("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",\r\n");
		var records = Csv.read(new StringReader(out.toString()), 10);
		assertThat(records).hasSize(1);
		assertThat(records.get(0).fields()).containsExactly("plain", "with, comma", "with \"quotes\"", "two\nlines", "");
	}

	@Test
	void skipsABomAndBlankLinesAndCountsLines() {
		var records = Csv.read(new StringReader("\uFEFFa,b\n\n\"x\ny\",z\r\nlast,1"), 10);
		assertThat(records).extracting(Csv.Record::line).containsExactly(1, 3, 5);
		assertThat(records.get(0).fields()).containsExactly("a", "b");
		assertThat(records.get(2).fields()).containsExactly("last", "1");
	}

	@Test
	void refusesWhatIsNotCsv() {
		assertThatThrownBy(() -> Csv.read(new StringReader("a,\"never closed\n"), 10))
			.isInstanceOf(Csv.MalformedCsvException.class)
			.hasMessageContaining("never closed");
		assertThatThrownBy(() -> Csv.read(new StringReader("a,b\"c\n"), 10))
			.isInstanceOf(Csv.MalformedCsvException.class);
		assertThatThrownBy(() -> Csv.read(new StringReader("h\n1\n2\n3\n"), 3))
			.isInstanceOf(Csv.MalformedCsvException.class)
			.hasMessageContaining("more than 2 rows");
	}

}
