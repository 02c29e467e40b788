package org.harmwatch.earlywarning.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportAttachments;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.ReportRejectedException;
import org.harmwatch.earlywarning.ReportView;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
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
 * Reports from partner systems (ambulance, A&E, police, drug checking): JSON in, 201 with
 * the report's location out.
 *
 * <p>
 * The body is read strictly (see the platform's input configuration): a property this
 * record does not have, a fraction for {@code people} or text that is not valid Unicode
 * is refused and named, never dropped or rounded. Lists are bounded before they are read:
 * each outcome once, at most 10 substances and 3 files.
 */
@RestController
class ReportApiController {

	/**
	 * A report as JSON; enumerations and times are text so that a wrong value is named,
	 * not a parse failure.
	 */
	record ReportRequest(@Nullable String sourceType, @Nullable String occurredAt, @Nullable Double lat,
			@Nullable Double lon, @Nullable String ladCode, @Nullable List<Mention> substances,
			@Nullable String substanceClass, @Nullable List<String> outcomes, @Nullable Integer people,
			@Nullable String description, @Nullable List<File> attachments) {
	}

	/** A photo or lab report, its bytes in base64. */
	record File(@Nullable String filename, @Nullable String content) {
	}

	record Mention(@Nullable String text, @Nullable String howKnown) {
	}

	record Created(UUID id, String location) {
	}

	/**
	 * The most substances a report names (as the service checks), so a longer list is
	 * refused before it is read.
	 */
	static final int MAX_SUBSTANCES = 10;

	private final EarlyWarningManagement earlyWarning;

	private final ReportAttachments attachments;

	private final Clock clock;

	ReportApiController(EarlyWarningManagement earlyWarning, ReportAttachments attachments, Clock clock) {
		this.earlyWarning = earlyWarning;
		this.attachments = attachments;
		this.clock = clock;
	}

	@PostMapping("/api/early-warning/reports")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	ResponseEntity<Created> create(@RequestBody ReportRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var problems = new ArrayList<ReportProblem>();
		var type = ReportForm.parse(SourceType.class, request.sourceType(), "sourceType",
				"Must be one of " + List.of(SourceType.values()) + ".", problems);
		Instant when = null;
		if (request.occurredAt() != null) {
			try {
				when = Instant.parse(request.occurredAt());
			}
			catch (DateTimeParseException ex) {
				problems
					.add(new ReportProblem("occurredAt", "Must be an ISO-8601 instant, e.g. 2026-11-20T22:15:00Z."));
			}
		}
		var mentions = new ArrayList<SubstanceMention>();
		var given = request.substances() == null ? List.<Mention>of() : request.substances();
		if (given.size() > MAX_SUBSTANCES) {
			problems.add(new ReportProblem("substances", "Name at most " + MAX_SUBSTANCES + " substances."));
			given = List.of();
		}
		for (int i = 0; i < given.size(); i++) {
			var m = given.get(i);
			if (m == null || m.text() == null || m.text().isBlank()) {
				problems.add(new ReportProblem("substances[" + i + "].text", "Name the substance."));
				continue;
			}
			var how = m.howKnown() == null ? HowKnown.SUSPECTED : ReportForm.parse(HowKnown.class, m.howKnown(),
					"substances[" + i + "].howKnown", "Must be one of " + List.of(HowKnown.values()) + ".", problems);
			mentions.add(new SubstanceMention(m.text(), how == null ? HowKnown.SUSPECTED : how));
		}
		var chosenClass = EarlyWarningManagement.substanceClass(request.substanceClass()).orElse(null);
		if (request.substanceClass() != null && chosenClass == null) {
			problems.add(new ReportProblem("substanceClass", "Not a substance class."));
		}
		var outcomes = EnumSet.noneOf(Outcome.class);
		var givenOutcomes = request.outcomes() == null ? List.<String>of() : request.outcomes();
		if (givenOutcomes.size() > Outcome.values().length) {
			// Each outcome at most once: a longer list can only repeat them.
			problems.add(new ReportProblem("outcomes", "List each outcome at most once: at most "
					+ Outcome.values().length + " outcomes, there are " + givenOutcomes.size() + "."));
		}
		else {
			for (var o : givenOutcomes) {
				var outcome = ReportForm.parse(Outcome.class, o, "outcomes",
						"Must be one of " + List.of(Outcome.values()) + ".", problems);
				if (outcome != null && !outcomes.add(outcome)) {
					problems.add(new ReportProblem("outcomes", "'" + outcome + "' is listed more than once."));
				}
			}
		}
		var uploads = new ArrayList<ReportAttachments.Upload>();
		var files = request.attachments() == null ? List.<File>of() : request.attachments();
		if (files.size() > ReportAttachments.MAX_FILES) {
			problems.add(new ReportProblem("attachments", "Send at most " + ReportAttachments.MAX_FILES + " files."));
			files = List.of();
		}
		for (int i = 0; i < files.size(); i++) {
			var file = files.get(i);
			try {
				var bytes = file == null || file.content() == null ? new byte[0]
						: Base64.getDecoder().decode(file.content().replaceAll("\\s", ""));
				if (bytes.length == 0) {
					throw new IllegalArgumentException("empty");
				}
				uploads.add(new ReportAttachments.Upload(file.filename(), bytes));
			}
			catch (IllegalArgumentException ex) {
				problems
					.add(new ReportProblem("attachments[" + i + "].content", "Must be the file's bytes in base64."));
			}
		}
		var draft = new ReportDraft(Channel.API, type, when, request.lat(), request.lon(), request.ladCode(), mentions,
				chosenClass, outcomes, request.people(), request.description());
		var now = clock.instant();
		if (!problems.isEmpty()) {
			earlyWarning.check(draft, now)
				.stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
			problems.addAll(attachments.check(uploads));
			throw new ReportRejectedException(problems);
		}
		var id = attachments.submit(draft,
				new Reporter(user.id(), user.displayName(), user.agencyCode(), user.agencyName()), now, uploads);
		var location = "/api/early-warning/reports/" + id;
		return ResponseEntity.created(URI.create(location)).body(new Created(id, location));
	}

	@GetMapping("/api/early-warning/reports/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ReportView read(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return earlyWarning.report(id, user);
	}

	@ExceptionHandler(ReportRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(ReportRejectedException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				ex.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

}
