package org.harmwatch.analytics;

/**
 * A request the engine cannot answer as asked: names the field and says why, and changes
 * nothing.
 */
public class AnalyticsRequestException extends RuntimeException {

	private final String field;

	public AnalyticsRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The request field at fault. */
	public String field() {
		return field;
	}

}
