package org.harmwatch.platform.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.platform.ImageSanitiser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Turns every failure of an API endpoint into {@code application/problem+json} that says
 * what went wrong.
 *
 * <p>
 * Validation problems name each field; unexpected failures give a reference to quote,
 * never internals. A module's {@link org.harmwatch.platform.InputRejectedException} and
 * {@link org.harmwatch.platform.NotFoundException} are answered by
 * {@link InputProblemAdvice}, in the same shape.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	/**
	 * One entry of a problem's {@code errors}: the field and what is wrong with it, in
	 * words.
	 */
	record FieldMessage(@Nullable String field, String message) {
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(error -> new FieldMessage(error instanceof FieldError field ? field.getField() : error.getObjectName(),
					message(error)))
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
				.map(error -> new FieldMessage(String.valueOf(result.getMethodParameter().getParameterName()),
						message(error))))
			.toList();
		return validationProblem(problems, headers);
	}

	/**
	 * A body the endpoint cannot read: not JSON, a property it does not know, or a value
	 * of the wrong type (a fraction where a whole number is wanted, text where a list
	 * is). The problem names the property; Jackson's own message, which names Java
	 * classes, is not shown.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// The outermost Jackson exception knows the property; its causes (a
		// DateTimeParseException) do not.
		Throwable cause = ex;
		while (cause != null && !(cause instanceof JacksonException)) {
			cause = cause.getCause();
		}
		var problems = List.of(unreadable(cause == null ? ex.getMostSpecificCause() : cause));
		return validationProblem(problems, headers);
	}

	static FieldMessage unreadable(Throwable cause) {
		if (cause instanceof PropertyBindingException unknown) {
			var path = path(unknown);
			var known = unknown.getKnownPropertyIds() == null ? List.<String>of()
					: unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			return new FieldMessage(path, "This property is not known here"
					+ (known.isEmpty() ? "." : "; the properties are: " + String.join(", ", known) + "."));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return new FieldMessage(path(mismatch), "Must be " + expected(mismatch.getTargetType()) + ".");
		}
		if (cause instanceof InputCoercionException outOfRange) {
			return new FieldMessage(path(outOfRange),
					"Must be " + expected(outOfRange.getTargetType()) + " of a size that can be stored.");
		}
		if (cause instanceof StreamReadException broken && broken.getPath().isEmpty()) {
			var where = broken.getLocation();
			return new FieldMessage("body", "The body is not valid JSON" + (where == null || where.getLineNr() < 1 ? "."
					: " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")."));
		}
		if (cause instanceof JacksonException other && !other.getPath().isEmpty()) {
			return new FieldMessage(path(other), "This value cannot be read.");
		}
		return new FieldMessage("body", "The body cannot be read: send JSON as the API documentation describes.");
	}

	/** A property path as problems name fields: {@code substances[0].text}. */
	static String path(JacksonException ex) {
		var path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			else if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == null) {
			return "a value of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == java.math.BigInteger.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "text (in double quotes)";
		}
		if (type == java.util.UUID.class) {
			return "a UUID";
		}
		if (type == java.time.LocalDate.class) {
			return "a date like 2026-11-20, in the years 1 to 9999";
		}
		if (type == java.time.YearMonth.class) {
			return "a month like 2026-11, in the years 1 to 9999";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "a date and time like 2026-11-20T22:15:00Z, in the years 1 to 9999";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		var type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName().toLowerCase();
		var message = "'" + ex.getValue() + "' is not a valid " + type;
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Parameter '" + ex.getName() + "': " + message + ".");
		problem.setTitle("Invalid parameter");
		problem.setProperty("errors", List.of(new FieldMessage(ex.getName(), message)));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ImageSanitiser.Busy.class)
	ResponseEntity<ProblemDetail> busy(ImageSanitiser.Busy ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Busy");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ImageSanitiser.Busy.RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException ex) {
		// Not ours to answer: the security filters turn these into 401/403 and audit
		// them.
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		var declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
		if (declared != null) {
			// A module's own exception that says what status it means (e.g. not found,
			// rule broken).
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

	/**
	 * A validation error's message from the bundles (its codes), else the text Bean
	 * Validation made of it.
	 */
	private String message(MessageSourceResolvable error) {
		var source = getMessageSource();
		if (source == null) {
			return String.valueOf(error.getDefaultMessage());
		}
		return source.getMessage(error, LocaleContextHolder.getLocale());
	}

	private ResponseEntity<Object> validationProblem(List<FieldMessage> problems, HttpHeaders headers) {
		var problem = validation(HttpStatus.BAD_REQUEST, problems);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	/**
	 * The problem document for input that is not valid: title "Invalid request", a detail
	 * listing every problem, and {@code errors} naming each field. The API's clients and
	 * tests rely on this shape.
	 */
	static ProblemDetail validation(HttpStatus status, List<FieldMessage> problems) {
		var detail = problems.stream()
			.map(p -> p.field() == null ? p.message() : p.field() + ": " + p.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The request is not valid.");
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle("Invalid request");
		problem.setProperties(Map.of("errors", problems));
		return problem;
	}

}
