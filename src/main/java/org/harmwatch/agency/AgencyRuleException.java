package org.harmwatch.agency;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change to agencies, staff or roles that the access rules do not allow; the message says why, for the person
 * making it.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class AgencyRuleException extends RuntimeException {

	private final String field;

	public AgencyRuleException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return field;
	}

}
