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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports from partner systems (ambulance, A&E, police, drug checking): JSON in, 201 with the report's location out.
 */
@RestController
class ReportApiController {

	/** A report as JSON; enumerations and times are text so that a wrong value is named, not a parse failure. */
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

	private final EarlyWarningManagement earlyWarning;

	private final ReportAttachments attachments;

	private final Clock clock;

	ReportApiController(EarlyWarningManagement earlyWarning, ReportAttachments attachments, Clock clock) {
		this.earlyWarning = earlyWarning;
		this.attachments = attachments;
		this.clock = clock;
	}

	@PostMapping("/api/early-warning/reports")
	@PreAuthorize("hasAuthority('EARLY_WARNING:WRITE')")
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
				problems.add(new ReportProblem("occurredAt", "Must be an ISO-8601 instant, e.g. 2026-11-20T22:15:00Z."));
			}
		}
		var mentions = new ArrayList<SubstanceMention>();
		var given = request.substances() == null ? List.<Mention>of() : request.substances();
		for (int i = 0; i < given.size(); i++) {
			var m = given.get(i);
			if (m == null || m.text() == null || m.text().isBlank()) {
				problems.add(new ReportProblem("substances[" + i + "].text", "Name the substance."));
				continue;
			}
			var how = m.howKnown() == null ? HowKnown.SUSPECTED
					: ReportForm.parse(HowKnown.class, m.howKnown(), "substances[" + i + "].howKnown",
							"Must be one of " + List.of(HowKnown.values()) + ".", problems);
			mentions.add(new SubstanceMention(m.text(), how == null ? HowKnown.SUSPECTED : how));
		}
		var chosenClass = EarlyWarningManagement.substanceClass(request.substanceClass()).orElse(null);
		if (request.substanceClass() != null && chosenClass == null) {
			problems.add(new ReportProblem("substanceClass", "Not a substance class."));
		}
		var outcomes = EnumSet.noneOf(Outcome.class);
		for (var o : request.outcomes() == null ? List.<String>of() : request.outcomes()) {
			var outcome = ReportForm.parse(Outcome.class, o, "outcomes",
					"Must be one of " + List.of(Outcome.values()) + ".", problems);
			if (outcome != null) {
				outcomes.add(outcome);
			}
		}
		var uploads = new ArrayList<ReportAttachments.Upload>();
		var files = request.attachments() == null ? List.<File>of() : request.attachments();
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
				problems.add(new ReportProblem("attachments[" + i + "].content", "Must be the file's bytes in base64."));
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
	@PreAuthorize("hasAuthority('EARLY_WARNING:READ')")
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
