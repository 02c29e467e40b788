package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.util.List;

import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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

	private final AlertManagement alerts;

	private final Clock clock;

	private final MessageSource messages;

	AlertApiController(AlertManagement alerts, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.alerts = alerts;
		this.clock = clock;
	}

	@GetMapping("/api/early-warning/alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	AlertView.Page list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String page) {
		var chosen = state == null || state.isBlank() ? null : SignalController.pick(AlertState.class, state);
		if (state != null && !state.isBlank() && chosen == null) {
			throw new InputRejectedException(
					FieldProblem.of("state", "earlywarning.error.api.oneOf", List.of(AlertState.values()).toString()));
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
				throw new InputRejectedException(FieldProblem.of("page", "earlywarning.error.api.page"));
			}
		}
		return alerts.alerts(chosen, p, clock.instant());
	}

	@GetMapping("/api/early-warning/alerts/{reference}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	AlertView read(@PathVariable String reference) {
		if (!AlertManagement.isReference(reference)) {
			throw new InputRejectedException(FieldProblem.of("reference", "earlywarning.error.api.reference"));
		}
		return alerts.byReference(reference)
			.orElseThrow(() -> new NotFoundException("alerts.error.notFound.alert", reference));
	}

	/** 400, as these APIs have always answered bad parameters. */
	@ExceptionHandler(InputRejectedException.class)
	ResponseEntity<ProblemDetail> bad(InputRejectedException ex) {
		return ApiProblems.rejected(ex, HttpStatus.BAD_REQUEST, "Invalid request", messages);
	}

}
