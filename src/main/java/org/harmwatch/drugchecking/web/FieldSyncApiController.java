package org.harmwatch.drugchecking.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.harmwatch.drugchecking.FieldSyncManagement;
import org.harmwatch.drugchecking.FieldSyncRejectedException;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.Problem;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field mode's batch sync: records made offline on a device, stored once each by the
 * id the device gave them. Session-authenticated like the rest of the API, so a browser
 * sends its CSRF token. Ids and enumerations are text, so that a wrong value is named
 * with its record and field rather than failing the parse of the whole body.
 */
@RestController
class FieldSyncApiController {

	record SyncRequest(@Nullable String sessionId, @Nullable List<RecordRequest> records) {
	}

	/**
	 * One record; which fields apply depends on its kind: sample, result or consultation.
	 */
	record RecordRequest(@Nullable String kind, @Nullable String clientId,
			// sample
			@Nullable String mode, @Nullable String soldAs, @Nullable String form, @Nullable String pillColour,
			@Nullable String pillLogo, @Nullable String pillShape, @Nullable Boolean pillScoreLine,
			@Nullable BigDecimal pillWeightMg, @Nullable String obtainedLadCode, @Nullable String intendedDose,
			@Nullable Boolean consent, @Nullable String ageBand,
			// result and consultation
			@Nullable String sampleClientId,
			// result
			@Nullable Integer baseVersion, @Nullable List<FieldComponent> components, @Nullable Boolean confirmed,
			@Nullable String notes,
			// consultation
			@Nullable String baseClientId, @Nullable String advice, @Nullable Boolean disposed,
			@Nullable String intendedChange, @Nullable String referral) {
	}

	record FieldComponent(@Nullable String text, @Nullable BigDecimal quantity, @Nullable String unit,
			@Nullable String basis, @Nullable String confidence, @Nullable String method) {
	}

	record SyncResponse(List<FieldSyncManagement.Outcome> results) {
	}

	private final FieldSyncManagement sync;

	private final SessionManagement sessionManagement;

	private final Clock clock;

	FieldSyncApiController(FieldSyncManagement sync, SessionManagement sessionManagement, Clock clock) {
		this.sync = sync;
		this.sessionManagement = sessionManagement;
		this.clock = clock;
	}

	@PostMapping("/api/drug-checking/sync")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	SyncResponse sync(@RequestBody SyncRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var problems = new ArrayList<FieldSyncManagement.RecordProblem>();
		var sessionId = uuid(request.sessionId(), -1, null, "sessionId", problems);
		if (request.sessionId() == null) {
			problems.add(new FieldSyncManagement.RecordProblem(-1, null, "sessionId",
					"Say which session the records are from."));
		}
		var given = request.records() == null ? List.<RecordRequest>of() : request.records();
		var records = new ArrayList<FieldSyncManagement.FieldRecord>();
		var indices = new ArrayList<Integer>();
		for (int i = 0; i < given.size(); i++) {
			var r = given.get(i);
			if (r == null) {
				problems.add(new FieldSyncManagement.RecordProblem(i, null, "record", "A record cannot be null."));
				continue;
			}
			var record = record(r, i, problems);
			if (record != null) {
				records.add(record);
				indices.add(i);
			}
		}
		if (sessionId != null) {
			sessionManagement.session(sessionId, user, Action.WRITE);
		}
		if (!problems.isEmpty() || sessionId == null) {
			if (sessionId != null && !records.isEmpty()) {
				// Add what the checks say of the records that could be read, so every
				// wrong field is named at once.
				for (var p : sync.check(sessionId, records)) {
					var at = p.record() < 0 ? p : new FieldSyncManagement.RecordProblem(indices.get(p.record()),
							p.clientId(), p.field(), p.message());
					if (problems.stream().noneMatch(q -> q.record() == at.record() && q.field().equals(at.field()))) {
						problems.add(at);
					}
				}
			}
			problems.sort(Comparator.comparingInt(FieldSyncManagement.RecordProblem::record));
			throw new FieldSyncRejectedException(problems);
		}
		return new SyncResponse(sync.sync(sessionId, records, user.getUsername(), user.displayName(), clock.instant()));
	}

	private static FieldSyncManagement.@Nullable FieldRecord record(RecordRequest r, int i,
			List<FieldSyncManagement.RecordProblem> problems) {
		var clientId = uuid(r.clientId(), i, null, "clientId", problems);
		var local = new ArrayList<Problem>();
		FieldSyncManagement.FieldRecord record = switch (r.kind() == null ? "" : r.kind()) {
			case "sample" -> new FieldSyncManagement.FieldSample(clientId,
					new SampleDraft(clientId,
							Forms.parse(SampleMode.class, r.mode(), "mode",
									"Must be one of " + List.of(SampleMode.values()) + ".", local),
							r.soldAs(),
							Forms.parse(DosageForm.class, r.form(), "form",
									"Must be one of " + List.of(DosageForm.values()) + ".", local),
							r.pillColour(), r.pillLogo(), r.pillShape(), r.pillScoreLine(), r.pillWeightMg(),
							r.obtainedLadCode(), r.intendedDose(), r.consent(), Forms.parse(AgeBand.class, r.ageBand(),
									"ageBand", "Must be one of " + List.of(AgeBand.values()) + ".", local)));
			case "result" -> {
				var components = new ArrayList<ComponentDraft>();
				var list = r.components() == null ? List.<FieldComponent>of() : r.components();
				for (int c = 0; c < list.size(); c++) {
					var component = list.get(c);
					var f = "components[" + c + "].";
					if (component == null) {
						local.add(new Problem("components[" + c + "]", "A component cannot be null."));
						continue;
					}
					components.add(new ComponentDraft(component.text(), component.quantity(),
							Forms.parse(QuantityUnit.class, component.unit(), f + "unit",
									"Must be one of " + List.of(QuantityUnit.values()) + ".", local),
							Forms.parse(Basis.class, component.basis(), f + "basis",
									"Must be one of " + List.of(Basis.values()) + ".", local),
							Forms.parse(Confidence.class, component.confidence(), f + "confidence",
									"Must be one of " + List.of(Confidence.values()) + ".", local),
							Forms.parse(AnalysisMethod.class, component.method(), f + "method",
									"Must be one of " + List.of(AnalysisMethod.values()) + ".", local)));
				}
				yield new FieldSyncManagement.FieldResult(clientId,
						uuid(r.sampleClientId(), i, clientId, "sampleClientId", problems),
						r.baseVersion() == null ? 0 : r.baseVersion(),
						new ResultDraft(components, r.confirmed() == null || r.confirmed(), r.notes()));
			}
			case "consultation" -> new FieldSyncManagement.FieldConsultation(clientId,
					uuid(r.sampleClientId(), i, clientId, "sampleClientId", problems),
					uuid(r.baseClientId(), i, clientId, "baseClientId", problems), r.advice(), r.disposed(),
					Forms.parse(IntendedChange.class, r.intendedChange(), "intendedChange",
							"Must be one of " + List.of(IntendedChange.values()) + ".", local),
					r.referral());
			default -> {
				problems.add(new FieldSyncManagement.RecordProblem(i, clientId, "kind",
						"Must be one of sample, result, consultation."));
				yield null;
			}
		};
		local.forEach(p -> problems.add(new FieldSyncManagement.RecordProblem(i, clientId, p.field(), p.message())));
		return record;
	}

	private static @Nullable UUID uuid(@Nullable String value, int record, @Nullable UUID clientId, String field,
			List<FieldSyncManagement.RecordProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldSyncManagement.RecordProblem(record, clientId, field, "Must be a UUID."));
			return null;
		}
	}

	@ExceptionHandler(FieldSyncRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(FieldSyncRejectedException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Nothing of the batch was stored. " + ex.getMessage());
		problem.setTitle("Invalid records");
		problem.setProperty("errors", ex.problems().stream().map(p -> {
			var error = new LinkedHashMap<String, Object>();
			error.put("record", p.record());
			error.put("clientId", p.clientId() == null ? "" : p.clientId().toString());
			error.put("field", p.field());
			error.put("message", p.message());
			return (Map<String, Object>) error;
		}).toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
