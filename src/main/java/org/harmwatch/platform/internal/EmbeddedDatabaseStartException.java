package org.harmwatch.platform.internal;

/**
 * The embedded PostgreSQL cannot start for a reason an operator can act on; Spring Boot prints it as one sentence.
 */
class EmbeddedDatabaseStartException extends IllegalStateException {

	private final String action;

	/**
	 * @param description what is wrong, in one sentence
	 * @param action what to do about it
	 */
	EmbeddedDatabaseStartException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * @param description what is wrong, in one sentence
	 * @param action what to do about it
	 * @param cause what PostgreSQL or the operating system said
	 */
	EmbeddedDatabaseStartException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	String action() {
		return action;
	}

}
