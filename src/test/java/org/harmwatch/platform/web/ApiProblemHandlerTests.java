package org.harmwatch.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemHandlerTests {

	final ApiProblemHandler handler = new ApiProblemHandler();

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NoSuchThing extends RuntimeException {

		NoSuchThing() {
			super("No thing 42");
		}

	}

	@Test
	void keepsTheStatusAModuleExceptionDeclares() {
		var response = handler.unexpected(new NoSuchThing());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().getDetail()).isEqualTo("No thing 42");
	}

	@Test
	void hidesUnexpectedFailuresBehindAReference() {
		var response = handler.unexpected(new IllegalStateException("connection to db-7 refused"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody().getDetail()).doesNotContain("db-7").contains("reference");
		assertThat(response.getBody().getProperties()).containsKey("reference");
	}

}
