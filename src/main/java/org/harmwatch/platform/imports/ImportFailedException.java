package org.harmwatch.platform.imports;

/**
 * Thrown by {@link ImportKind#store} when the records cannot be stored; its message is
 * shown on the job's page.
 */
public class ImportFailedException extends RuntimeException {

	public ImportFailedException(String message) {
		super(message);
	}

}
