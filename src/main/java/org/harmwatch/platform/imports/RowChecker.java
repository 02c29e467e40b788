package org.harmwatch.platform.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.harmwatch.platform.CsvReader;

/**
 * Checks every row of a file against a kind and its mapping, without storing anything:
 * each bad row is named with its number and why, and the valid rows become records. No
 * Spring, no database: the unit tests run it directly.
 */
final class RowChecker {

	private RowChecker() {
	}

	/**
	 * What checking a file found.
	 *
	 * @param rows data rows read (the header not counted, blank rows counted)
	 */
	record Checked<R>(int rows, List<ImportKind.Parsed<R>> records, List<ImportProblem> problems) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	/** Checks the file's rows (header first); progress is told each row checked. */
	static <R> Checked<R> check(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress) {
		try {
			return checkRows(kind, rows, mapping, options, progress);
		}
		catch (CsvReader.MalformedCsvException ex) {
			return new Checked<>(0, List.of(), List.of(ImportProblem.of((int) Math.min(ex.line(), Integer.MAX_VALUE),
					null, "imports.problem.malformed", ex.getMessage(), ex.line())));
		}
	}

	private static <R> Checked<R> checkRows(ImportKind<R> kind, Iterator<CsvReader.Row> rows, ColumnMapping mapping,
			Map<String, String> options, IntConsumer progress) {
		if (!rows.hasNext()) {
			return new Checked<>(0, List.of(), List.of(ImportProblem.of(1, null, "imports.problem.empty")));
		}
		var header = header(rows.next());
		var columns = new LinkedHashMap<String, Integer>();
		var problems = new ArrayList<ImportProblem>();
		for (var column : kind.columns()) {
			var mapped = mapping.header(column.name());
			if (mapped == null) {
				if (column.required()) {
					problems.add(ImportProblem.of(1, column.name(), "imports.problem.unmapped", column.name()));
				}
				continue;
			}
			int index = header.indexOf(mapped);
			if (index < 0) {
				problems.add(ImportProblem.of(1, column.name(), "imports.problem.notInHeader", mapped));
			}
			columns.put(column.name(), index);
		}
		if (!problems.isEmpty()) {
			return new Checked<>(0, List.of(), problems);
		}
		var records = new ArrayList<ImportKind.Parsed<R>>();
		int data = 0;
		while (rows.hasNext()) {
			var row = rows.next();
			data++;
			int number = data + 1;
			if (data > kind.maxRows()) {
				return new Checked<>(data, List.of(),
						List.of(ImportProblem.of(1, null, "imports.problem.tooManyRows", kind.maxRows())));
			}
			progress.accept(data);
			if (row.blank()) {
				continue;
			}
			if (row.fields().size() != header.size()) {
				problems.add(ImportProblem.of(number, null, "imports.problem.fieldCount", row.fields().size(),
						header.size()));
				continue;
			}
			try {
				records.add(new ImportKind.Parsed<>(number,
						kind.parse(new ImportRow(number, row.fields(), columns, options))));
			}
			catch (ImportRowException bad) {
				problems.addAll(bad.problems());
			}
		}
		problems.addAll(kind.checkTogether(List.copyOf(records)));
		problems.sort(Comparator.comparingInt(ImportProblem::row));
		return new Checked<>(data, problems.isEmpty() ? records : List.of(), problems);
	}

	/** The header's names, stripped. */
	static List<String> header(CsvReader.Row row) {
		return row.fields().stream().map(String::strip).toList();
	}

}
