package org.harmwatch.substances.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it: comma-separated, fields quoted with double quotes when they hold a
 * comma, quote or line break, quotes inside doubled. A leading byte-order mark is ignored.
 */
final class Csv {

	/** A record and the line of the file it starts on. */
	record Record(int line, List<String> fields) {
	}

	/** Thrown when the text is not CSV (an unclosed quote); names the line. */
	static class MalformedCsvException extends RuntimeException {

		final int line;

		MalformedCsvException(int line, String message) {
			super(message);
			this.line = line;
		}

	}

	private Csv() {
	}

	/** Every record; blank lines are skipped. Stops with an error after {@code maxRecords}. */
	static List<Record> read(Reader reader, int maxRecords) {
		try {
			return parse(reader, maxRecords);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Record> parse(Reader reader, int maxRecords) throws IOException {
		var records = new ArrayList<Record>();
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		boolean afterQuote = false;
		int line = 1;
		int recordLine = 1;
		boolean first = true;
		int c;
		while ((c = reader.read()) != -1) {
			if (first) {
				first = false;
				if (c == '\uFEFF') {
					continue;
				}
			}
			if (quoted) {
				if (c == '"') {
					quoted = false;
					afterQuote = true;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append((char) c);
				}
				continue;
			}
			switch (c) {
				case '"' -> {
					if (afterQuote) {
						field.append('"'); // a doubled quote inside a quoted field
						quoted = true;
						afterQuote = false;
					}
					else if (!fieldStarted) {
						quoted = true;
						fieldStarted = true;
					}
					else {
						throw new MalformedCsvException(line, "a quote in the middle of a field that does not start with one");
					}
				}
				case ',' -> {
					fields.add(field.toString());
					field.setLength(0);
					fieldStarted = false;
					afterQuote = false;
				}
				case '\r' -> {
					// ends the line together with the \n that follows; a lone \r is ignored
				}
				case '\n' -> {
					endRecord(records, fields, field, recordLine, maxRecords);
					fieldStarted = false;
					afterQuote = false;
					line++;
					recordLine = line;
				}
				default -> {
					if (afterQuote) {
						throw new MalformedCsvException(line, "text after the closing quote of a field");
					}
					field.append((char) c);
					fieldStarted = true;
				}
			}
		}
		if (quoted) {
			throw new MalformedCsvException(recordLine, "a quoted field is never closed");
		}
		endRecord(records, fields, field, recordLine, maxRecords);
		return records;
	}

	private static void endRecord(List<Record> records, List<String> fields, StringBuilder field, int line,
			int maxRecords) {
		fields.add(field.toString());
		field.setLength(0);
		boolean blank = fields.size() == 1 && fields.get(0).isBlank();
		if (!blank) {
			if (records.size() >= maxRecords) {
				throw new MalformedCsvException(line, "more than " + (maxRecords - 1) + " rows");
			}
			records.add(new Record(line, List.copyOf(fields)));
		}
		fields.clear();
	}

}
