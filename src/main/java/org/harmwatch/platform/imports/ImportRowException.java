package org.harmwatch.platform.imports;

/**
 * Thrown by {@link ImportKind#parse} when a row is bad; its message names what is wrong.
 */
public class ImportRowException extends RuntimeException {

	ImportRowException(String message) {
		super(message, null, false, false);
	}

}
