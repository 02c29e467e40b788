package org.harmwatch.platform;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV for every import, with Apache Commons CSV
 * (docs/adr/0010-one-import-facility-and-commons-csv.md).
 *
 * <p>
 * RFC 4180: comma-separated, fields quoted with double quotes when they hold a comma,
 * quote or line break, quotes inside doubled, CRLF or LF. A leading UTF-8 byte-order mark
 * (as Excel's "CSV UTF-8" writes) is dropped. An empty line is a record of one empty
 * field, so that records are numbered as a spreadsheet numbers its rows. A quoted field
 * that is never closed, or text after a closing quote, is not CSV:
 * {@link MalformedCsvException} names the line.
 */
public final class CsvReader {

	/** The dialect: RFC 4180, empty lines kept (as blank records). */
	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	/**
	 * One record.
	 *
	 * @param number its position in the file, the first record (the header, if there is
	 * one) being 1
	 * @param line the line of the file it starts on (a quoted line break makes a record
	 * span lines)
	 * @param fields its fields, as written (not stripped)
	 */
	public record Row(long number, long line, List<String> fields) {

		public Row {
			fields = List.copyOf(fields);
		}

		/** Whether the record is an empty line (or a line of one blank field). */
		public boolean blank() {
			return fields.isEmpty() || (fields.size() == 1 && fields.get(0).isBlank());
		}

	}

	/**
	 * Thrown when the text is not CSV (an unclosed quote, text after a closing quote);
	 * names the line.
	 */
	public static class MalformedCsvException extends RuntimeException {

		private final long line;

		MalformedCsvException(long line, String message, @Nullable Throwable cause) {
			super(message, cause);
			this.line = line;
		}

		/** The line the bad record starts on. */
		public long line() {
			return line;
		}

	}

	private CsvReader() {
	}

	/** Every record of the text, blank lines included. */
	public static List<Row> read(String text) {
		var rows = new ArrayList<Row>();
		rows(new StringReader(text)).forEachRemaining(rows::add);
		return rows;
	}

	/**
	 * Every record that is not blank; stops with a {@link MalformedCsvException} after
	 * {@code maxRecords}.
	 */
	public static List<Row> read(Reader reader, int maxRecords) {
		var rows = new ArrayList<Row>();
		var iterator = rows(reader);
		while (iterator.hasNext()) {
			var row = iterator.next();
			if (row.blank()) {
				continue;
			}
			if (rows.size() >= maxRecords) {
				throw new MalformedCsvException(row.line(), "more than " + (maxRecords - 1) + " rows", null);
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The records of the text, read as they are asked for, so that a large upload is
	 * never held as a list of rows. The reader is not closed.
	 */
	public static Iterator<Row> rows(Reader reader) {
		try {
			var parser = CSVParser.builder().setReader(withoutBom(reader)).setFormat(FORMAT).get();
			return new Rows(parser);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reader withoutBom(Reader reader) throws IOException {
		var pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static final class Rows implements Iterator<Row> {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private long nextLine = 1;

		Rows(CSVParser parser) {
			this.parser = parser;
			this.records = parser.iterator();
		}

		@Override
		public boolean hasNext() {
			try {
				return records.hasNext();
			}
			catch (UncheckedIOException ex) {
				throw malformed(ex);
			}
		}

		@Override
		public Row next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			CSVRecord record;
			try {
				record = records.next();
			}
			catch (UncheckedIOException ex) {
				throw malformed(ex);
			}
			long line = nextLine;
			nextLine = parser.getCurrentLineNumber() + 1;
			return new Row(record.getRecordNumber(), line, record.toList());
		}

		private MalformedCsvException malformed(UncheckedIOException ex) {
			var cause = ex.getCause();
			var message = cause == null || cause.getMessage() == null ? "it cannot be read"
					: cause.getMessage().contains("EOF reached before encapsulated token finished")
							? "a quoted field is never closed"
							: cause.getMessage().contains("Invalid character between encapsulated token and delimiter")
									? "text after the closing quote of a field" : "it cannot be read";
			return new MalformedCsvException(nextLine, message, ex);
		}

	}

}
