package org.harmwatch.platform.audit;

/**
 * The audit key is missing or unusable, so Harmwatch does not start; says what to do.
 */
final class AuditKeyException extends IllegalStateException {

	private final String action;

	AuditKeyException(String message, String action) {
		super(message);
		this.action = action;
	}

	AuditKeyException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** What the operator should do about it. */
	String action() {
		return action;
	}

}
