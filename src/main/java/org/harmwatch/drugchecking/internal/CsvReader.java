package org.harmwatch.drugchecking.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM dropped. {@link #rows} reads one
 * row at a time, so a large upload is never held as a list of rows.
 */
public final class CsvReader {

	private CsvReader() {
	}

	public static List<List<String>> read(String text) {
		var rows = new ArrayList<List<String>>();
		rows(new StringReader(text)).forEachRemaining(rows::add);
		return rows;
	}

	/** The rows of the text, read as they are asked for; the reader is not closed. */
	public static Iterator<List<String>> rows(Reader reader) {
		return new Rows(reader);
	}

	private static final class Rows implements Iterator<List<String>> {

		private final Reader in;

		private int pushedBack = -2;

		private boolean first = true;

		private @org.jspecify.annotations.Nullable List<String> next;

		private boolean ended;

		Rows(Reader in) {
			this.in = in;
		}

		private int read() {
			try {
				if (pushedBack != -2) {
					int c = pushedBack;
					pushedBack = -2;
					return c;
				}
				int c = in.read();
				if (first) {
					first = false;
					if (c == '\uFEFF') {
						c = in.read();
					}
				}
				return c;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private @org.jspecify.annotations.Nullable List<String> readRow() {
			if (ended) {
				return null;
			}
			var row = new ArrayList<String>();
			var field = new StringBuilder();
			boolean quoted = false;
			for (int c = read();; c = read()) {
				if (c == -1) {
					ended = true;
					if (field.length() > 0 || !row.isEmpty()) {
						row.add(field.toString());
						return row;
					}
					return null;
				}
				if (quoted) {
					if (c == '"') {
						int following = read();
						if (following == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							pushedBack = following;
						}
					}
					else {
						field.append((char) c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n' || c == '\r') {
					if (c == '\r') {
						int following = read();
						if (following != '\n') {
							pushedBack = following;
						}
					}
					row.add(field.toString());
					return row;
				}
				else {
					field.append((char) c);
				}
			}
		}

		@Override
		public boolean hasNext() {
			if (next == null) {
				next = readRow();
			}
			return next != null;
		}

		@Override
		public List<String> next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			var row = next;
			next = null;
			return row;
		}

	}

}
