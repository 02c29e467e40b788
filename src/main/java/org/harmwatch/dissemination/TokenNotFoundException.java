package org.harmwatch.dissemination;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A link's token names nothing: it was mistyped, has expired or has been used.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TokenNotFoundException extends RuntimeException {

	public TokenNotFoundException() {
		super("This link is not valid: it may have expired or already been used.");
	}

}
