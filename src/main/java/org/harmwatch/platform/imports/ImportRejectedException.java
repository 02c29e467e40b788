package org.harmwatch.platform.imports;

/**
 * Thrown when an uploaded file cannot be imported at all (too large, binary, not CSV, no
 * header, no rows, too many rows); its message says so in words for the upload form's
 * {@code file} field. Nothing is stored then.
 */
public class ImportRejectedException extends RuntimeException {

	public ImportRejectedException(String message) {
		super(message);
	}

}
