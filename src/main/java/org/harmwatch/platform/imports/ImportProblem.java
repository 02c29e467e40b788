package org.harmwatch.platform.imports;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * One bad row: its number, the column it is in when known, and why as a message code with
 * arguments, resolved from the message bundles for the reader.
 *
 * <p>
 * The facility's own problems use codes of {@code messages/imports.properties}; a kind
 * uses codes of its module's bundle ({@link ImportRow#problem}). A problem read back
 * through {@link Imports} carries its resolved {@link #message()}.
 *
 * @param row its number as a spreadsheet shows it (the header is row 1)
 * @param column the kind's column (or the file's header name) the problem is in, or null
 * @param code the message code, e.g. {@code imports.problem.fieldCount}
 * @param arguments what the message shows ({0}, {1}…)
 * @param message the resolved words, for the person who will correct the file; the code
 * until resolved
 */
public record ImportProblem(int row, @Nullable String column, String code, List<String> arguments,
		String message) implements MessageSourceResolvable {

	/** The code of a problem given in words (the arguments are the words). */
	public static final String TEXT = "imports.problem.text";

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	/** A problem of a row as a message code and its arguments (shown as text). */
	public static ImportProblem of(int row, @Nullable String column, String code, @Nullable Object... arguments) {
		return new ImportProblem(row, column, code, strings(arguments), code);
	}

	/** The same problem with its resolved words. */
	public ImportProblem resolved(String words) {
		return new ImportProblem(row, column, code, arguments, words);
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return arguments.toArray();
	}

	/** The code itself when the bundles lack it, rather than failing the page. */
	@Override
	public String getDefaultMessage() {
		return code;
	}

	static List<String> strings(@Nullable Object[] arguments) {
		return Arrays.stream(arguments).map(a -> a == null ? "" : String.valueOf(a)).toList();
	}

}
