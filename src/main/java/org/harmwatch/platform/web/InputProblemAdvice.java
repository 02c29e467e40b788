package org.harmwatch.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a rejection no controller caught with 422, and a {@link NotFoundException} with
 * 404: a page with the error summary for a person, {@code application/problem+json} (as
 * {@link ApiProblemHandler} writes it) for a program.
 *
 * <p>
 * Ahead of the API's handler, so that a rejection is answered the same way whichever
 * controller let it through.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputProblemAdvice {

	/** The page for a rejection that no form showed: the error summary and a way back. */
	static final String REJECTED_VIEW = "error/rejected";

	static final String NOT_FOUND_VIEW = "error/404";

	private final MessageSource messages;

	private final LayoutAdvice layout;

	InputProblemAdvice(MessageSource messages, LayoutAdvice layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler(InputRejectedException.class)
	Object rejected(InputRejectedException ex, HttpServletRequest request, @Nullable HandlerMethod handler) {
		var locale = LocaleContextHolder.getLocale();
		if (ProblemAnswers.wantsJson(request, handler)) {
			return ProblemAnswers.rejected(ex, messages, locale);
		}
		var page = page(REJECTED_VIEW, HttpStatus.UNPROCESSABLE_CONTENT);
		// The fields are on the form the person came from, not on this page: the summary
		// names them without links.
		page.addObject("problems",
				ProblemAnswers.messages(ex, messages, locale)
					.stream()
					.map(p -> new ApiProblemHandler.FieldMessage(null, p.message()))
					.toList());
		return page;
	}

	@ExceptionHandler(NotFoundException.class)
	Object notFound(NotFoundException ex, HttpServletRequest request, @Nullable HandlerMethod handler) {
		var locale = LocaleContextHolder.getLocale();
		if (ProblemAnswers.wantsJson(request, handler)) {
			return ProblemAnswers.notFound(ex, messages, locale);
		}
		var page = page(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
		page.addObject("notFound", messages.getMessage(ex, locale));
		return page;
	}

	/**
	 * A page with what the layout needs, which exception handlers do not get from the
	 * model advice.
	 */
	private ModelAndView page(String view, HttpStatus status) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		var page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("navigation", layout.navigation(authentication));
		page.addObject("currentUser", layout.currentUser(authentication));
		page.addObject("regionName", layout.regionName());
		return page;
	}

}
