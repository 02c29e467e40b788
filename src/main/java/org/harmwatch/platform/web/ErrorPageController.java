package org.harmwatch.platform.web;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.platform.ImageSanitiser;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.internal.InputHygieneFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container catches: an accessible page for people, a problem document
 * for programs.
 *
 * <p>
 * Neither says more than the status: no exception message, no stack trace, no path of a
 * class. The one addition is the field the platform's input filter refused and why (a NUL
 * character, half a surrogate pair, far too long), so that the person knows what to
 * change. Reached directly rather than through an error, {@code /error} is a 404.
 */
@Controller
@PublicEndpoint("Errors must be shown to everyone, including people who are not signed in.")
class ErrorPageController implements ErrorController {

	private final String maxFileSize;

	ErrorPageController(@Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize.toMegabytes() + " MB";
	}

	private static final Map<Integer, String> DETAILS = Map.of(400,
			"The request could not be understood. Check what was sent and try again.", 401,
			"This needs a signed-in user or an API token.", 403,
			"Your roles do not allow this. Ask your agency administrator if you need it for your work.", 404,
			"There is nothing at this address.", 405, "This address does not accept that method.", 500,
			"Something went wrong on our side. It has been logged; please try again later.", 503,
			"Harmwatch is busy just now. Send it again in a few seconds; nothing was saved.");

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		var status = status(request);
		var view = switch (status.value()) {
			case 403, 404 -> "error/" + status.value();
			default -> status.is4xxClientError() ? "error/4xx" : "error/500";
		};
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ImageSanitiser.Busy.RETRY_AFTER_SECONDS));
		}
		var page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("maxFileSize", maxFileSize);
		if (request.getAttribute(InputHygieneFilter.REFUSED_FIELD) instanceof String field
				&& request.getAttribute(InputHygieneFilter.REFUSED_KIND) instanceof String kind) {
			page.addObject("refusedField", field);
			page.addObject("refusedKind", kind);
		}
		return page;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response) {
		var status = status(request);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ImageSanitiser.Busy.RETRY_AFTER_SECONDS));
		}
		var detail = status == HttpStatus.PAYLOAD_TOO_LARGE
				? "The file is too large. Files of up to " + maxFileSize + " can be uploaded."
				: DETAILS.getOrDefault(status.value(), status.getReasonPhrase());
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The status of the error being shown. Reached directly, not through the container's
	 * error dispatch, there is no error: the address itself is nothing to see (404),
	 * never a failure.
	 */
	private static HttpStatus status(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND;
		}
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

}
