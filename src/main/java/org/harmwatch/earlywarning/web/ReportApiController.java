package org.harmwatch.earlywarning.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.HowKnown;
import org.harmwatch.earlywarning.Outcome;
import org.harmwatch.earlywarning.ReportAttachments;
import org.harmwatch.earlywarning.ReportDraft;
import org.harmwatch.earlywarning.ReportView;
import org.harmwatch.earlywarning.Reporter;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.earlywarning.SubstanceMention;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
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

	private final MessageSource messages;

	ReportApiController(EarlyWarningManagement earlyWarning, ReportAttachments attachments, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.earlyWarning = earlyWarning;
		this.attachments = attachments;
		this.clock = clock;
	}

	@PostMapping("/api/early-warning/reports")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	ResponseEntity<Created> create(@RequestBody ReportRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var problems = new ArrayList<FieldProblem>();
		var type = parse(SourceType.class, request.sourceType(), "sourceType", true, problems);
		Instant when = null;
		if (request.occurredAt() != null) {
			try {
				when = Instant.parse(request.occurredAt());
			}
			catch (DateTimeParseException ex) {
				problems.add(FieldProblem.of("occurredAt", "earlywarning.error.api.instant"));
			}
		}
		var mentions = new ArrayList<SubstanceMention>();
		var given = request.substances() == null ? List.<Mention>of() : request.substances();
		if (given.size() > MAX_SUBSTANCES) {
			problems.add(FieldProblem.of("substances", "earlywarning.error.substances.tooMany",
					String.valueOf(MAX_SUBSTANCES)));
			given = List.of();
		}
		for (int i = 0; i < given.size(); i++) {
			var m = given.get(i);
			if (m == null || m.text() == null || m.text().isBlank()) {
				problems.add(FieldProblem.of("substances[" + i + "].text", "earlywarning.error.api.substanceText"));
				continue;
			}
			var how = m.howKnown() == null ? HowKnown.SUSPECTED
					: parse(HowKnown.class, m.howKnown(), "substances[" + i + "].howKnown", false, problems);
			mentions.add(new SubstanceMention(m.text(), how == null ? HowKnown.SUSPECTED : how));
		}
		var chosenClass = EarlyWarningManagement.substanceClass(request.substanceClass()).orElse(null);
		if (request.substanceClass() != null && chosenClass == null) {
			problems.add(FieldProblem.of("substanceClass", "earlywarning.error.api.substanceClass"));
		}
		var outcomes = EnumSet.noneOf(Outcome.class);
		var givenOutcomes = request.outcomes() == null ? List.<String>of() : request.outcomes();
		if (givenOutcomes.size() > Outcome.values().length) {
			// Each outcome at most once: a longer list can only repeat them.
			problems.add(FieldProblem.of("outcomes", "earlywarning.error.api.outcomesTooMany",
					String.valueOf(Outcome.values().length), String.valueOf(givenOutcomes.size())));
		}
		else {
			for (var o : givenOutcomes) {
				var outcome = parse(Outcome.class, o, "outcomes", false, problems);
				if (outcome != null && !outcomes.add(outcome)) {
					problems.add(FieldProblem.of("outcomes", "earlywarning.error.api.outcomeRepeated", outcome.name()));
				}
			}
		}
		var uploads = new ArrayList<ReportAttachments.Upload>();
		var files = request.attachments() == null ? List.<File>of() : request.attachments();
		if (files.size() > ReportAttachments.MAX_FILES) {
			problems.add(FieldProblem.of("attachments", "earlywarning.error.attachments.tooMany",
					String.valueOf(ReportAttachments.MAX_FILES)));
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
				problems.add(FieldProblem.of("attachments[" + i + "].content", "earlywarning.error.api.base64"));
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
			throw new InputRejectedException(problems);
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

	/**
	 * A value of an enumeration, or {@code null} with a problem naming the values it may
	 * have; a missing value is a problem only when {@code required}.
	 */
	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
			boolean required, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(oneOf(type, field));
			}
			return null;
		}
		var found = SignalController.pick(type, value.strip());
		if (found == null) {
			problems.add(oneOf(type, field));
		}
		return found;
	}

	private static FieldProblem oneOf(Class<? extends Enum<?>> type, String field) {
		return FieldProblem.of(field, "earlywarning.error.api.oneOf", List.of(type.getEnumConstants()).toString());
	}

	/** 400, as partners have always been answered, in the validation shape. */
	@ExceptionHandler(InputRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(InputRejectedException ex) {
		return ApiProblems.rejected(ex, HttpStatus.BAD_REQUEST, "Invalid request", messages);
	}

}
