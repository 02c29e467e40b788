package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts as JSON for staff and partner systems: a filtered, paginated list and each alert
 * with its versions. Bad input is a {@code 400 application/problem+json} naming the
 * parameter.
 */
@RestController
class AlertApiController {

	record BadParameter(String field, String message) {
	}

	static class BadParameterException extends RuntimeException {

		final String field;

		BadParameterException(String field, String message) {
			super(message);
			this.field = field;
		}

	}

	private final AlertManagement alerts;

	private final Clock clock;

	AlertApiController(AlertManagement alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@GetMapping("/api/early-warning/alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	AlertView.Page list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String page) {
		var chosen = state == null || state.isBlank() ? null : SignalController.pick(AlertState.class, state);
		if (state != null && !state.isBlank() && chosen == null) {
			throw new BadParameterException("state", "Must be one of " + List.of(AlertState.values()) + ".");
		}
		int p = 1;
		if (page != null) {
			try {
				p = Integer.parseInt(page);
			}
			catch (NumberFormatException ex) {
				p = 0;
			}
			if (p < 1) {
				throw new BadParameterException("page", "Must be a whole number from 1.");
			}
		}
		return alerts.alerts(chosen, p, clock.instant());
	}

	@GetMapping("/api/early-warning/alerts/{reference}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	AlertView read(@PathVariable String reference) {
		if (!AlertManagement.isReference(reference)) {
			throw new BadParameterException("reference", "An alert reference looks like HW-2026-0007.");
		}
		return alerts.byReference(reference).orElseThrow(() -> new NotFound(reference));
	}

	static class NotFound extends RuntimeException {

		NotFound(String reference) {
			super("No alert " + reference + ".");
		}

	}

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<ProblemDetail> bad(BadParameterException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", ex.field, "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
