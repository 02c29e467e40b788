package org.harmwatch.platform.imports;

import java.util.List;

/**
 * Thrown by {@link ImportKind#store} when the records cannot be stored: why, as a message
 * code and its arguments, shown (resolved) on the job's page. Nothing is stored then.
 */
public class ImportFailedException extends RuntimeException {

	private final String code;

	private final List<String> arguments;

	/** A failure as a message code of the module's bundle and its arguments. */
	public ImportFailedException(String code, List<?> arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments.stream().map(a -> a == null ? "" : String.valueOf(a)).toList();
	}

	/** The message code. */
	public String code() {
		return code;
	}

	/** What the message shows. */
	public List<String> arguments() {
		return arguments;
	}

}
