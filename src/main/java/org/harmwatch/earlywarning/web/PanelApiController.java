package org.harmwatch.earlywarning.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelGrade;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.earlywarning.internal.Signal;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expert panel through the API: a member grades a validated signal, the coordinator
 * records the outcome, anyone reading signals sees the round of grading.
 */
@RestController
class PanelApiController {

	/**
	 * A grade as JSON; enumerations are text so that a wrong value is named, not a parse
	 * failure.
	 */
	record GradeRequest(@Nullable String strength, @Nullable String harm, @Nullable String recommendation,
			@Nullable String rationale) {
	}

	record OutcomeRequest(@Nullable String outcome, @Nullable String rationale) {
	}

	/** A round of grading as JSON. */
	record RoundResponse(UUID signalId, String status, String openedAt, String deadline, int quorum,
			boolean quorumReached, boolean overdue, @Nullable String escalatedTo, List<PanelGrade> grades,
			List<String> waitingFor, @Nullable PanelOutcome defaultOutcome, @Nullable PanelOutcome outcome) {
	}

	private final EarlyWarningManagement earlyWarning;

	private final PanelManagement panel;

	private final Clock clock;

	private final MessageSource messages;

	PanelApiController(EarlyWarningManagement earlyWarning, PanelManagement panel, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.earlyWarning = earlyWarning;
		this.panel = panel;
		this.clock = clock;
	}

	@PostMapping("/api/early-warning/signals/{id}/grades")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	ResponseEntity<PanelGrade> grade(@PathVariable UUID id,
			@RequestBody(required = false) @Nullable GradeRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		earlyWarning.signal(id);
		var body = request == null ? new GradeRequest(null, null, null, null) : request;
		var problems = new ArrayList<FieldProblem>();
		var strength = parse(EvidenceStrength.class, body.strength(), "strength", problems);
		var harm = parse(PotentialHarm.class, body.harm(), "harm", problems);
		var recommendation = parse(PanelOutcome.class, body.recommendation(), "recommendation", problems);
		try {
			var grade = panel.grade(id, strength, harm, recommendation, body.rationale(), user.getUsername(),
					user.displayName(), clock.instant());
			return ResponseEntity.created(URI.create("/api/early-warning/signals/" + id + "/panel")).body(grade);
		}
		catch (InputRejectedException ex) {
			if (ex instanceof Signal.NotOpen || problems.isEmpty()) {
				throw ex;
			}
			// Name the wrong values rather than calling them missing.
			var merged = new ArrayList<>(problems);
			ex.problems()
				.stream()
				.filter(p -> problems.stream().noneMatch(q -> Objects.equals(q.field(), p.field())))
				.forEach(merged::add);
			throw new InputRejectedException(merged);
		}
	}

	@PostMapping("/api/early-warning/signals/{id}/outcome")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	SignalView outcome(@PathVariable UUID id, @RequestBody(required = false) @Nullable OutcomeRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		earlyWarning.signal(id);
		var body = request == null ? new OutcomeRequest(null, null) : request;
		var problems = new ArrayList<FieldProblem>();
		var outcome = parse(PanelOutcome.class, body.outcome(), "outcome", problems);
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		return panel.recordOutcome(id, outcome, body.rationale(), user.getUsername(), clock.instant());
	}

	@GetMapping("/api/early-warning/signals/{id}/panel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	RoundResponse round(@PathVariable UUID id) {
		var round = panel.round(id, clock.instant())
			.orElseThrow(() -> new NotFoundException("earlywarning.error.notFound.round", id));
		return new RoundResponse(id, round.signal().status().name(), round.openedAt().toString(),
				round.deadline().toString(), round.quorum(), round.quorumReached(), round.overdue(),
				round.escalatedTo(), round.grades(), round.waitingFor(), round.defaultOutcome(),
				round.signal().outcome());
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var found = SignalController.pick(type, value.strip());
		if (found == null) {
			problems.add(FieldProblem.of(field, "earlywarning.error.api.oneOf",
					List.of(type.getEnumConstants()).toString()));
		}
		return found;
	}

	/** 400 for wrong input, 409 when the signal is not open for it. */
	@ExceptionHandler(InputRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(InputRejectedException ex) {
		var conflict = ex instanceof Signal.NotOpen;
		return ApiProblems.rejected(ex, conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				conflict ? "Not open for grading" : "Invalid request", messages);
	}

}
