package org.harmwatch.platform.imports;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One data row of an import, as {@link ImportKind#parse} reads it: its cells by the
 * kind's column names.
 */
public final class ImportRow {

	private final int number;

	private final List<String> fields;

	private final Map<String, Integer> columns;

	private final Map<String, String> options;

	ImportRow(int number, List<String> fields, Map<String, Integer> columns, Map<String, String> options) {
		this.number = number;
		this.fields = fields;
		this.columns = columns;
		this.options = options;
	}

	/** The row's number as a spreadsheet shows it: the header is row 1. */
	public int number() {
		return number;
	}

	/**
	 * The cell of the kind's column, stripped of surrounding blanks; null when the
	 * mapping names no file column.
	 */
	public @Nullable String cell(String column) {
		var index = columns.get(column);
		return index == null ? null : fields.get(index).strip();
	}

	/** The cell of the kind's column; null when it is unmapped or blank. */
	public @Nullable String text(String column) {
		var cell = cell(column);
		return cell == null || cell.isEmpty() ? null : cell;
	}

	/** An option the job was started with (e.g. a default), or null. */
	public @Nullable String option(String name) {
		return options.get(name);
	}

	/**
	 * The exception to throw when the row is bad: why, as a message code of the module's
	 * bundle and its arguments.
	 * @param column the kind's column the problem is in, or null for the row as a whole
	 */
	public ImportRowException reject(@Nullable String column, String code, @Nullable Object... arguments) {
		return reject(List.of(problem(column, code, arguments)));
	}

	/** The exception to throw when the row has several problems (at least one). */
	public ImportRowException reject(List<ImportProblem> problems) {
		return new ImportRowException(problems);
	}

	/**
	 * A problem of this row, to collect several before {@link #reject(List)}.
	 * @param column the kind's column the problem is in, or null for the row as a whole
	 */
	public ImportProblem problem(@Nullable String column, String code, @Nullable Object... arguments) {
		return ImportProblem.of(number, column, code, arguments);
	}

}
