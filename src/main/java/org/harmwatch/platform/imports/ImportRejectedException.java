package org.harmwatch.platform.imports;

import java.util.List;

import org.harmwatch.platform.FieldProblem;

/**
 * Thrown when an uploaded file cannot be imported at all (too large, binary, not CSV, no
 * header, no rows, too many rows): a message code with its arguments, and its words
 * resolved for the reader as the exception's message. Nothing is stored then.
 */
public class ImportRejectedException extends RuntimeException {

	private final String code;

	private final List<String> arguments;

	/**
	 * A refusal as a message code and its arguments, with its resolved words.
	 */
	public ImportRejectedException(String code, List<String> arguments, String message) {
		super(message);
		this.code = code;
		this.arguments = List.copyOf(arguments);
	}

	/** The message code, e.g. {@code imports.rejected.binary}. */
	public String code() {
		return code;
	}

	/** What the message shows. */
	public List<String> arguments() {
		return arguments;
	}

	/**
	 * The refusal as a problem of the upload form's field, for
	 * {@code InputRejectedException}.
	 */
	public FieldProblem problem(String field) {
		return new FieldProblem(field, code, List.<Object>copyOf(arguments));
	}

}
