package org.harmwatch.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.web.ApiProblemHandler.FieldMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem documents for a rejection and for something not found, shared by the API's
 * and the pages' handlers.
 */
final class ProblemAnswers {

	private ProblemAnswers() {
	}

	/** Each problem's field and its message in the reader's words. */
	static List<FieldMessage> messages(InputRejectedException ex, MessageSource messages, Locale locale) {
		return ex.problems().stream().map(p -> new FieldMessage(p.field(), messages.getMessage(p, locale))).toList();
	}

	/**
	 * 422 with the same shape as every other validation problem: {@code errors} names
	 * each field.
	 */
	static ResponseEntity<ProblemDetail> rejected(InputRejectedException ex, MessageSource messages, Locale locale) {
		var problem = ApiProblemHandler.validation(HttpStatus.UNPROCESSABLE_CONTENT, messages(ex, messages, locale));
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** 404 saying, in the reader's words, what was not found. */
	static ResponseEntity<ProblemDetail> notFound(NotFoundException ex, MessageSource messages, Locale locale) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage(ex, locale));
		problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * Whether the request is a program's rather than a person's: an endpoint that answers
	 * with a body ({@code @RestController}, {@code @ResponseBody}), anything under
	 * {@code /api/}, or a client that asks for JSON and not for a page.
	 */
	static boolean wantsJson(HttpServletRequest request, @Nullable HandlerMethod handler) {
		if (handler != null && (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| handler.hasMethodAnnotation(ResponseBody.class))) {
			return true;
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		var accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			var types = MediaType.parseMediaTypes(accept);
			MimeTypeUtils.sortBySpecificity(types);
			for (var type : types) {
				if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
					return false;
				}
				if (!type.isWildcardType() && "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")) {
					return true;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return false;
	}

}
