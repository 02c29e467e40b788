package org.harmwatch.platform.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.harmwatch.platform.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Which column of the file holds each of an {@link ImportKind}'s columns: guessed from
 * the header (and from what the agency confirmed last time), then confirmed by the person
 * importing.
 *
 * @param columns the kind's column name to the file's header name; unmapped columns are
 * absent
 */
public record ColumnMapping(Map<String, String> columns) {

	public ColumnMapping {
		columns = Map.copyOf(columns);
	}

	/** What is wrong with one column of a mapping. */
	public enum Reason {

		/** A required column is not mapped. */
		MISSING,
		/** The mapped name is not in the file's header. */
		NOT_IN_HEADER

	}

	/** One column the mapping cannot be started with, and why. */
	public record ColumnProblem(String column, Reason reason) {

		/**
		 * The message code of the reason ({@code imports.mapping.MISSING} or
		 * {@code imports.mapping.NOT_IN_HEADER}, whose {0} is the column).
		 */
		public String code() {
			return "imports.mapping." + reason.name();
		}

		/**
		 * The problem on the mapping form's field of the column; a module with its own
		 * words for a column uses its own code instead.
		 */
		public FieldProblem problem() {
			return FieldProblem.of(column, code(), column);
		}

	}

	/**
	 * The mapping as a form gives it: blank means unmapped, names are stripped, the
	 * kind's unknown columns dropped.
	 */
	public static ColumnMapping of(ImportKind<?> kind, Map<String, ? extends @Nullable String> chosen) {
		var columns = new LinkedHashMap<String, String>();
		for (var column : kind.columns()) {
			var header = chosen.get(column.name());
			if (header != null && !header.isBlank()) {
				columns.put(column.name(), header.strip());
			}
		}
		return new ColumnMapping(columns);
	}

	/**
	 * A first guess for a file with this header: what the agency confirmed last time for
	 * a column whose header is in this file, else the first of the column's guesses in
	 * the header (ignoring case), else unmapped. A file column is guessed for one kind
	 * column at most.
	 */
	public static ColumnMapping guess(ImportKind<?> kind, List<String> header, Map<String, String> saved) {
		var columns = new LinkedHashMap<String, String>();
		var taken = new ArrayList<String>();
		for (var column : kind.columns()) {
			var remembered = saved.get(column.name());
			if (remembered != null && header.contains(remembered) && !taken.contains(remembered)) {
				columns.put(column.name(), remembered);
				taken.add(remembered);
			}
		}
		for (var column : kind.columns()) {
			if (columns.containsKey(column.name())) {
				continue;
			}
			found: for (var name : column.guesses()) {
				for (var h : header) {
					if (h.strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
							&& !taken.contains(h)) {
						columns.put(column.name(), h);
						taken.add(h);
						break found;
					}
				}
			}
		}
		return new ColumnMapping(columns);
	}

	/** The file's column for the kind's column, or null when unmapped. */
	public @Nullable String header(String column) {
		return columns.get(column);
	}

	/**
	 * Every required column left unmapped and every mapped name not in the header, in the
	 * kind's column order.
	 */
	public List<ColumnProblem> problems(ImportKind<?> kind, List<String> header) {
		var problems = new ArrayList<ColumnProblem>();
		for (var column : kind.columns()) {
			var mapped = columns.get(column.name());
			if (mapped == null) {
				if (column.required()) {
					problems.add(new ColumnProblem(column.name(), Reason.MISSING));
				}
			}
			else if (!header.contains(mapped)) {
				problems.add(new ColumnProblem(column.name(), Reason.NOT_IN_HEADER));
			}
		}
		return problems;
	}

}
