package org.harmwatch.geography.internal;

/**
 * The geography dataset cannot be read: a file is missing, or its content does not match
 * the manifest.
 */
class DatasetException extends RuntimeException {

	DatasetException(String message) {
		super(message);
	}

	DatasetException(String message, Throwable cause) {
		super(message, cause);
	}

}
