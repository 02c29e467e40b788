package org.harmwatch.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API endpoint into {@code application/problem+json} that says what went wrong.
 *
 * <p>Validation problems name each field; unexpected failures give a reference to quote, never internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	record FieldProblem(String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : error.getObjectName(),
					String.valueOf(error.getDefaultMessage())))
			.toList();
		return validationProblem(problems, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return validationProblem(problems, headers);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		var type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName().toLowerCase();
		var message = "'" + ex.getValue() + "' is not a valid " + type;
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Parameter '" + ex.getName() + "': " + message + ".");
		problem.setTitle("Invalid parameter");
		problem.setProperty("errors", List.of(new FieldProblem(ex.getName(), message)));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException ex) {
		// Not ours to answer: the security filters turn these into 401/403 and audit them.
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		var declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (declared != null) {
			// A module's own exception that says what status it means (e.g. not found, rule broken).
			var problem = ProblemDetail.forStatusAndDetail(declared.code(), String.valueOf(ex.getMessage()));
			problem.setTitle(declared.code().getReasonPhrase());
			return ResponseEntity.status(declared.code()).body(problem);
		}
		var reference = UUID.randomUUID().toString();
		log.error("Unexpected failure, reference {}", reference, ex);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote reference " + reference + " if you contact support.");
		problem.setTitle("Internal error");
		problem.setProperty("reference", reference);
		return ResponseEntity.internalServerError().body(problem);
	}

	private ResponseEntity<Object> validationProblem(List<FieldProblem> problems, HttpHeaders headers) {
		var detail = problems.stream()
			.map(p -> p.field() + ": " + p.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is not valid.");
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", problems));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

}
