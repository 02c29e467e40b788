package org.harmwatch.platform.internal;

/**
 * The embedded PostgreSQL cannot start for a reason an operator can act on; Spring Boot
 * prints it as one sentence.
 */
class EmbeddedDatabaseStartException extends IllegalStateException {

	private final String action;

	/**
	 * A reason found by Harmwatch itself.
	 * @param description what is wrong, in one sentence
	 * @param action what to do about it
	 */
	EmbeddedDatabaseStartException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * A reason behind an error from zonky, PostgreSQL or the operating system.
	 * @param description what is wrong, in one sentence
	 * @param action what to do about it
	 * @param cause the error
	 */
	EmbeddedDatabaseStartException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return action;
	}

}
