package org.harmwatch.drugchecking;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when there is no such session, sample or result, or the user may not know of it.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DrugCheckingNotFoundException extends RuntimeException {

	public DrugCheckingNotFoundException(String what) {
		super("No " + what);
	}

}
