package org.harmwatch.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV for every export, so that no cell is run as a formula when the file is
 * opened in a spreadsheet.
 *
 * <p>
 * RFC 4180 (Apache Commons CSV quotes and ends the records,
 * docs/adr/0010-one-import-facility-and-commons-csv.md): comma-separated, CRLF line ends,
 * a cell quoted when it holds a comma, a double quote or a line break, or when it was
 * neutralised, quotes inside doubled; any other cell is written as it is. Formula
 * injection (CWE-1236) is neutralised as OWASP recommends: a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single
 * quote in front, so Excel, LibreOffice and Google Sheets show it as text
 * ({@code =HYPERLINK(…)} becomes {@code '=HYPERLINK(…)}). A plain number such as
 * {@code -1.5} is left as it is, since a spreadsheet reads it as that number and nothing
 * else; {@code -1+1} is not a plain number and is neutralised. A cell that already starts
 * with quotes before one of those characters gets one more, so {@link #restore} gives
 * back exactly what was written and an export imports as it was.
 */
public final class CsvWriter {

	/**
	 * A number and nothing else: optional sign, digits with an optional fraction, an
	 * optional exponent.
	 */
	private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

	/** Quotes, then a character a spreadsheet takes as the start of a formula. */
	private static final Pattern FORMULA_START = Pattern.compile("^'*[=+\\-@\\t\\r]");

	/** How a cell that needs quotes is written. */
	private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	private final Appendable out;

	/** A writer onto the given output; nothing is buffered. */
	public CsvWriter(Appendable out) {
		this.out = out;
	}

	/** Writes one record; a null cell is empty. */
	public CsvWriter row(@Nullable Object... cells) {
		return row(Arrays.asList(cells));
	}

	/** Writes one record; a null cell is empty. */
	public CsvWriter row(List<? extends @Nullable Object> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				var cell = cells.get(i);
				print(cell == null ? "" : cell.toString(), i == 0);
			}
			QUOTED.println(out);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void print(String value, boolean first) throws IOException {
		var v = neutralise(value);
		if (needsQuotes(value, v)) {
			QUOTED.print(v, out, first);
		}
		else {
			if (!first) {
				out.append(QUOTED.getDelimiterString());
			}
			out.append(v);
		}
	}

	/**
	 * Writes a line that is not data (a licence, a heading): {@code # text}, as one
	 * neutralised cell.
	 */
	public CsvWriter comment(String text) {
		return row("# " + text);
	}

	/** Writes an empty line between two tables in one file. */
	public CsvWriter blankLine() {
		try {
			QUOTED.println(out);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One cell as it is written: neutralised, then quoted if it needs to be. */
	public static String cell(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		var v = neutralise(value);
		if (!needsQuotes(value, v)) {
			return v;
		}
		try {
			var out = new StringBuilder();
			QUOTED.print(v, out, true);
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean needsQuotes(String value, String neutralised) {
		return !neutralised.isEmpty() && (neutralised.indexOf(',') >= 0 || neutralised.indexOf('"') >= 0
				|| neutralised.indexOf('\n') >= 0 || neutralised.indexOf('\r') >= 0 || !neutralised.equals(value));
	}

	/**
	 * The value with a single quote in front if a spreadsheet would take it as a formula;
	 * otherwise the value.
	 */
	public static String neutralise(String value) {
		if (!FORMULA_START.matcher(value).find() || PLAIN_NUMBER.matcher(value).matches()) {
			return value;
		}
		return "'" + value;
	}

	/** What {@link #neutralise} was given, for a reader of files this writer wrote. */
	public static String restore(String cell) {
		return cell.startsWith("'") && FORMULA_START.matcher(cell).find() ? cell.substring(1) : cell;
	}

}
