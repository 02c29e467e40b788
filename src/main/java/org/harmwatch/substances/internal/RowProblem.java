package org.harmwatch.substances.internal;

import java.util.Arrays;
import java.util.List;

import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.imports.ImportProblem;
import org.jspecify.annotations.Nullable;

/**
 * A problem with a change to the vocabulary: a platform {@link FieldProblem} (its field
 * or CSV column, a message code of {@code messages/substances.properties} and its
 * arguments) and the CSV row it is in, if it came from a file.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1), or null for a
 * form
 * @param problem the field and what is wrong with it
 */
public record RowProblem(@Nullable Integer row, FieldProblem problem) {

	/** A problem of a row's (or, when row is null, a form's) field. */
	public static RowProblem of(@Nullable Integer row, String field, String code, Object... arguments) {
		return new RowProblem(row, new FieldProblem(field, code, Arrays.asList((@Nullable Object[]) arguments)));
	}

	/** The field or CSV column. */
	public String field() {
		var field = problem.field();
		return field == null ? "" : field;
	}

	/** The message code. */
	public String code() {
		return problem.code();
	}

	/**
	 * The problem as an import's bad row (a problem of no row is the header's, row 1).
	 */
	public ImportProblem importProblem() {
		return ImportProblem.of(row == null ? 1 : row, problem.field(), problem.code(), problem.getArguments());
	}

	/** The form problems of these. */
	public static List<FieldProblem> fieldProblems(List<RowProblem> problems) {
		return problems.stream().map(RowProblem::problem).toList();
	}

}
