package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.drugchecking.AgeBand;
import org.harmwatch.drugchecking.AnalysisMethod;
import org.harmwatch.drugchecking.Basis;
import org.harmwatch.drugchecking.ComponentDraft;
import org.harmwatch.drugchecking.Confidence;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.ResultManagement;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.drugchecking.DrugCheckingRejectedException;
import org.harmwatch.drugchecking.LicenceCondition;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.Release;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultVersion;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionDraft;
import org.harmwatch.drugchecking.SessionView;
import org.harmwatch.drugchecking.SiteKind;
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

		static SampleResponse of(Release r) {
			return new SampleResponse(r.sample(), r.audience().name(), r.withheld(), r.results(), r.consultation());
		}

	}

	private final SessionManagement sessionManagement;

	private final SampleManagement sampleManagement;

	private final ResultManagement resultManagement;

	private final ReleaseManagement releaseManagement;

	private final Clock clock;

	DrugCheckingApiController(SessionManagement sessionManagement, SampleManagement sampleManagement,
			ResultManagement resultManagement, ReleaseManagement releaseManagement, Clock clock) {
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
		var problems = new ArrayList<Problem>();
		var conditions = EnumSet.noneOf(LicenceCondition.class);
		for (var c : request.conditions() == null ? List.<String>of() : request.conditions()) {
			var condition = Forms.parse(LicenceCondition.class, c, "conditions",
					"Must be one of " + List.of(LicenceCondition.values()) + ".", problems);
			if (condition != null) {
				conditions.add(condition);
			}
		}
		var draft = new SessionDraft(request.siteName(),
				Forms.parse(SiteKind.class, request.siteKind(), "siteKind",
						"Must be one of " + List.of(SiteKind.values()) + ".", problems),
				request.siteLadCode(), request.name(), Forms.date(request.startsOn(), "startsOn", problems),
				Forms.date(request.endsOn(), "endsOn", problems), request.staff(), conditions);
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
		var problems = new ArrayList<Problem>();
		var draft = new SampleDraft(request.clientId(),
				Forms.parse(SampleMode.class, request.mode(), "mode",
						"Must be one of " + List.of(SampleMode.values()) + ".", problems),
				request.soldAs(),
				Forms.parse(DosageForm.class, request.form(), "form",
						"Must be one of " + List.of(DosageForm.values()) + ".", problems),
				request.pillColour(), request.pillLogo(), request.pillShape(), request.pillScoreLine(),
				request.pillWeightMg(), request.obtainedLadCode(), request.intendedDose(), request.consent(),
				Forms.parse(AgeBand.class, request.ageBand(), "ageBand",
						"Must be one of " + List.of(AgeBand.values()) + ".", problems));
		reject(problems, sampleManagement.check(id, draft));
		var sample = sampleManagement.takeIn(id, draft, user.getUsername(), clock.instant());
		return ResponseEntity.created(URI.create("/api/drug-checking/samples/" + sample.id())).body(sample);
	}

	@GetMapping("/api/drug-checking/samples/{id}")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	SampleResponse sample(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return SampleResponse.of(releaseManagement.release(id, user));
	}

	@GetMapping("/api/drug-checking/sessions/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.EXPORT)
	List<SampleResponse> results(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user) {
		return releaseManagement.releases(id, user).stream().map(SampleResponse::of).toList();
	}

	@PostMapping("/api/drug-checking/samples/{id}/results")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<ResultVersion> recordResult(@PathVariable UUID id, @RequestBody ResultRequest request,
			@AuthenticationPrincipal HarmwatchUser user) {
		sampleManagement.sample(id, user, Action.WRITE);
		var problems = new ArrayList<Problem>();
		var components = new ArrayList<ComponentDraft>();
		var given = request.components() == null ? List.<ComponentRequest>of() : request.components();
		for (int i = 0; i < given.size(); i++) {
			var c = given.get(i);
			if (c == null) {
				problems.add(new Problem("components[" + i + "]", "A component cannot be null."));
				continue;
			}
			var f = "components[" + i + "].";
			components.add(new ComponentDraft(c.text(), c.quantity(),
					Forms.parse(QuantityUnit.class, c.unit(), f + "unit",
							"Must be one of " + List.of(QuantityUnit.values()) + ".", problems),
					Forms.parse(Basis.class, c.basis(), f + "basis", "Must be one of " + List.of(Basis.values()) + ".",
							problems),
					Forms.parse(Confidence.class, c.confidence(), f + "confidence",
							"Must be one of " + List.of(Confidence.values()) + ".", problems),
					Forms.parse(AnalysisMethod.class, c.method(), f + "method",
							"Must be one of " + List.of(AnalysisMethod.values()) + ".", problems)));
		}
		var draft = new ResultDraft(components, request.confirmed() == null || request.confirmed(), request.notes());
		reject(problems, resultManagement.check(draft));
		var result = resultManagement.recordResult(id, draft, user.displayName(), clock.instant());
		return ResponseEntity.status(HttpStatus.CREATED).body(result);
	}

	private static void reject(List<Problem> problems, List<Problem> checked) {
		if (!problems.isEmpty() || !checked.isEmpty()) {
			Forms.merge(problems, checked);
			throw new DrugCheckingRejectedException(problems);
		}
	}

	@ExceptionHandler(DrugCheckingRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(DrugCheckingRejectedException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				ex.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

}
