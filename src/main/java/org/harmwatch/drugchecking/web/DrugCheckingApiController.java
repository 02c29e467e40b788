package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.Release;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.ResultVersion;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions, samples and results as JSON. Sample creation is idempotent by the client's id
 * (a re-send returns the stored sample with 200 instead of 201). Results are read only
 * through the release, within the licence conditions. Enumerations are text, so that a
 * wrong value is named, not a parse failure.
 */
@RestController
class DrugCheckingApiController {

	record SessionRequest(@Nullable String siteName, @Nullable String siteKind, @Nullable String siteLadCode,
			@Nullable String name, @Nullable String startsOn, @Nullable String endsOn, @Nullable String staff,
			@Nullable List<String> conditions) {
	}

	record SampleRequest(@Nullable UUID clientId, @Nullable String mode, @Nullable String soldAs, @Nullable String form,
			@Nullable String pillColour, @Nullable String pillLogo, @Nullable String pillShape,
			@Nullable Boolean pillScoreLine, @Nullable BigDecimal pillWeightMg, @Nullable String obtainedLadCode,
			@Nullable String intendedDose, @Nullable Boolean consent, @Nullable String ageBand) {
	}

	record ComponentRequest(@Nullable String text, @Nullable BigDecimal quantity, @Nullable String unit,
			@Nullable String basis, @Nullable String confidence, @Nullable String method) {
	}

	record ResultRequest(@Nullable List<ComponentRequest> components, @Nullable Boolean confirmed,
			@Nullable String notes) {
	}

	record Created(UUID id, String location) {
	}

	/** A sample and what the reader may see of its results. */
	record SampleResponse(SampleView sample, String audience, @Nullable String withheld, List<ResultVersion> results,
			@Nullable Object consultation) {

		/** The release, with why it is withheld in the reader's words. */
		static SampleResponse of(Release r, MessageSource messages) {
			var withheld = r.withheld() == null ? null
					: messages.getMessage(r.withheld(), null, LocaleContextHolder.getLocale());
			return new SampleResponse(r.sample(), r.audience().name(), withheld, r.results(), r.consultation());
		}

	}

	private final SessionManagement sessionManagement;

	private final SampleManagement sampleManagement;

	private final ResultManagement resultManagement;

	private final ReleaseManagement releaseManagement;

	private final Clock clock;

	private final MessageSource messages;

	DrugCheckingApiController(SessionManagement sessionManagement, SampleManagement sampleManagement,
			ResultManagement resultManagement, ReleaseManagement releaseManagement, Clock clock,
			MessageSource messages) {
		this.messages = messages;
		this.sessionManagement = sessionManagement;
		this.sampleManagement = sampleManagement;
		this.resultManagement = resultManagement;
		this.releaseManagement = releaseManagement;
		this.clock = clock;
	}

	@GetMapping("/api/drug-checking/sessions")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	SessionManagement.SessionPage sessions(@RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal HarmwatchUser user) {
		return sessionManagement.sessions(page, user);
	}

	@GetMapping("/api/drug-checking/sessions/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	SessionView session(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		var session = sessionManagement.session(id, user, Action.READ);
		ReleaseManagement.audienceOf(user);
		return session;
	}

	@PostMapping("/api/drug-checking/sessions")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<Created> createSession(@RequestBody SessionRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		var problems = new ArrayList<FieldProblem>();
		var conditions = EnumSet.noneOf(LicenceCondition.class);
		for (var c : request.conditions() == null ? List.<String>of() : request.conditions()) {
			var condition = constant(LicenceCondition.class, c, "conditions", problems);
			if (condition != null) {
				conditions.add(condition);
			}
		}
		var draft = new SessionDraft(request.siteName(),
				constant(SiteKind.class, request.siteKind(), "siteKind", problems), request.siteLadCode(),
				request.name(), date(request.startsOn(), "startsOn", problems),
				date(request.endsOn(), "endsOn", problems), request.staff(), conditions);
		reject(problems, sessionManagement.check(draft));
		var id = sessionManagement.createSession(draft, user.getUsername(), user.agencyCode(), clock.instant());
		var location = "/api/drug-checking/sessions/" + id;
		return ResponseEntity.created(URI.create(location)).body(new Created(id, location));
	}

	@PostMapping("/api/drug-checking/sessions/{id}/samples")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<SampleView> takeIn(@PathVariable UUID id, @RequestBody SampleRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		sessionManagement.session(id, user, Action.WRITE);
		if (request.clientId() != null) {
			var known = sampleManagement.sampleByClientId(request.clientId()).filter(s -> s.sessionId().equals(id));
			if (known.isPresent()) {
				return ResponseEntity.ok(known.get());
			}
		}
		var problems = new ArrayList<FieldProblem>();
		var draft = new SampleDraft(request.clientId(), constant(SampleMode.class, request.mode(), "mode", problems),
				request.soldAs(), constant(DosageForm.class, request.form(), "form", problems), request.pillColour(),
				request.pillLogo(), request.pillShape(), request.pillScoreLine(), request.pillWeightMg(),
				request.obtainedLadCode(), request.intendedDose(), request.consent(),
				constant(AgeBand.class, request.ageBand(), "ageBand", problems));
		reject(problems, sampleManagement.check(id, draft));
		var sample = sampleManagement.takeIn(id, draft, user.getUsername(), clock.instant());
		return ResponseEntity.created(URI.create("/api/drug-checking/samples/" + sample.id())).body(sample);
	}

	@GetMapping("/api/drug-checking/samples/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	SampleResponse sample(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return SampleResponse.of(releaseManagement.release(id, user), messages);
	}

	@GetMapping("/api/drug-checking/sessions/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.EXPORT)
	List<SampleResponse> results(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return releaseManagement.releases(id, user).stream().map(r -> SampleResponse.of(r, messages)).toList();
	}

	@PostMapping("/api/drug-checking/samples/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<ResultVersion> recordResult(@PathVariable UUID id, @RequestBody ResultRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		sampleManagement.sample(id, user, Action.WRITE);
		var problems = new ArrayList<FieldProblem>();
		var components = new ArrayList<ComponentDraft>();
		var given = request.components() == null ? List.<ComponentRequest>of() : request.components();
		for (int i = 0; i < given.size(); i++) {
			var c = given.get(i);
			if (c == null) {
				problems.add(FieldProblem.of("components[" + i + "]", "drugchecking.error.component.null"));
				continue;
			}
			var f = "components[" + i + "].";
			components.add(new ComponentDraft(c.text(), c.quantity(),
					constant(QuantityUnit.class, c.unit(), f + "unit", problems),
					constant(Basis.class, c.basis(), f + "basis", problems),
					constant(Confidence.class, c.confidence(), f + "confidence", problems),
					constant(AnalysisMethod.class, c.method(), f + "method", problems)));
		}
		var draft = new ResultDraft(components, request.confirmed() == null || request.confirmed(), request.notes());
		reject(problems, resultManagement.check(draft));
		var result = resultManagement.recordResult(id, draft, user.displayName(), clock.instant());
		return ResponseEntity.status(HttpStatus.CREATED).body(result);
	}

	/**
	 * Rejects the request when anything could not be read or breaks a rule: every wrong
	 * field at once, answered 422 by the platform.
	 */
	private static void reject(List<FieldProblem> problems, List<FieldProblem> checked) {
		if (!problems.isEmpty() || !checked.isEmpty()) {
			var all = new ArrayList<>(problems);
			checked.stream()
				.filter(p -> problems.stream().noneMatch(q -> Objects.equals(q.field(), p.field())))
				.forEach(all::add);
			throw new InputRejectedException(all);
		}
	}

	/** An enum constant named in the request, or a problem naming the values allowed. */
	static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String text, String field,
			List<FieldProblem> problems) {
		var value = FormText.constant(type, text);
		if (FormText.unreadable(text, value)) {
			problems.add(FieldProblem.of(field, "drugchecking.error.oneOf", FormText.names(type)));
		}
		return value;
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
		var value = FormText.date(text);
		if (FormText.unreadable(text, value)) {
			problems.add(FieldProblem.of(field, "drugchecking.error.date"));
		}
		return value;
	}

}
