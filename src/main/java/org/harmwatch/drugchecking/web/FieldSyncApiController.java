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
import org.harmwatch.drugchecking.Consultation;
import org.harmwatch.drugchecking.DosageForm;
import org.harmwatch.drugchecking.FieldSyncManagement;
import org.harmwatch.drugchecking.IntendedChange;
import org.harmwatch.drugchecking.QuantityUnit;
import org.harmwatch.drugchecking.ResultDraft;
import org.harmwatch.drugchecking.ResultVersion;
import org.harmwatch.drugchecking.SampleDraft;
import org.harmwatch.drugchecking.SampleManagement;
import org.harmwatch.drugchecking.SampleMode;
import org.harmwatch.drugchecking.SampleView;
import org.harmwatch.drugchecking.SessionManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
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
			@Nullable Boolean consent, @Nullable String ageBand, @Nullable String code,
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

	/** One record's outcome, its reason in the reader's words. */
	record OutcomeResponse(UUID clientId, String kind, FieldSyncManagement.Status status, @Nullable SampleView sample,
			@Nullable Integer version, @Nullable ResultVersion serverResult, @Nullable Consultation serverConsultation,
			@Nullable UUID serverConsultationClientId, @Nullable String reason) {
	}

	record SyncResponse(List<OutcomeResponse> results) {
	}

	private final FieldSyncManagement sync;

	private final SessionManagement sessionManagement;

	private final MessageSource messages;

	private final Clock clock;

	private final SampleManagement samples;

	FieldSyncApiController(FieldSyncManagement sync, SessionManagement sessionManagement, SampleManagement samples,
			MessageSource messages, Clock clock) {
		this.samples = samples;
		this.sync = sync;
		this.sessionManagement = sessionManagement;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Stores the batch, or stores nothing of it and answers 422 naming each wrong record
	 * and field ({@code errors: [{record, clientId, field, message}]}).
	 */
	@PostMapping("/api/drug-checking/sync")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<?> sync(@RequestBody SyncRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var problems = new ArrayList<FieldSyncManagement.RecordProblem>();
		var sessionId = uuid(request.sessionId(), -1, null, "sessionId", problems);
		if (request.sessionId() == null) {
			problems
				.add(new FieldSyncManagement.RecordProblem(-1, null, "sessionId", "drugchecking.error.sync.session"));
		}
		var given = request.records() == null ? List.<RecordRequest>of() : request.records();
		var records = new ArrayList<FieldSyncManagement.FieldRecord>();
		var indices = new ArrayList<Integer>();
		for (int i = 0; i < given.size(); i++) {
			var r = given.get(i);
			if (r == null) {
				problems.add(
						new FieldSyncManagement.RecordProblem(i, null, "record", "drugchecking.error.sync.recordNull"));
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
					var at = p.record() < 0 ? p
							: new FieldSyncManagement.RecordProblem(indices.get(p.record()), p.clientId(), p.problem());
					if (problems.stream().noneMatch(q -> q.record() == at.record() && q.field().equals(at.field()))) {
						problems.add(at);
					}
				}
			}
			problems.sort(Comparator.comparingInt(FieldSyncManagement.RecordProblem::record));
			return rejected(problems);
		}
		var outcomes = sync.sync(sessionId, records, user.getUsername(), user.displayName(), clock.instant());
		var locale = LocaleContextHolder.getLocale();
		return ResponseEntity.ok(new SyncResponse(outcomes.stream()
			.map(o -> new OutcomeResponse(o.clientId(), o.kind(), o.status(), o.sample(), o.version(), o.serverResult(),
					o.serverConsultation(), o.serverConsultationClientId(),
					o.reason() == null ? null : messages.getMessage(o.reason(), locale)))
			.toList()));
	}

	record CodeBlockRequest(@Nullable String device) {
	}

	/**
	 * Reserves a block of sample codes for a field device while it is online, to issue
	 * offline (sent back on sync as a sample's {@code code}). Audited; 422 naming
	 * {@code device} when the device's name is missing.
	 */
	@PostMapping("/api/drug-checking/sessions/{id}/code-blocks")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.WRITE)
	ResponseEntity<SampleManagement.CodeBlock> reserveCodes(@PathVariable UUID id,
			@RequestBody CodeBlockRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(samples.reserveCodes(id, request.device(), user, clock.instant()));
	}

	private FieldSyncManagement.@Nullable FieldRecord record(RecordRequest r, int i,
			List<FieldSyncManagement.RecordProblem> problems) {
		var clientId = uuid(r.clientId(), i, null, "clientId", problems);
		var local = new ArrayList<FieldProblem>();
		FieldSyncManagement.FieldRecord record = switch (r.kind() == null ? "" : r.kind()) {
			case "sample" -> new FieldSyncManagement.FieldSample(clientId,
					new SampleDraft(clientId,
							DrugCheckingApiController.constant(SampleMode.class, r.mode(), "mode", local), r.soldAs(),
							DrugCheckingApiController.constant(DosageForm.class, r.form(), "form", local),
							r.pillColour(), r.pillLogo(), r.pillShape(), r.pillScoreLine(), r.pillWeightMg(),
							r.obtainedLadCode(), r.intendedDose(), r.consent(),
							DrugCheckingApiController.constant(AgeBand.class, r.ageBand(), "ageBand", local)),
					r.code() == null || r.code().isBlank() ? null : r.code().strip());
			case "result" -> {
				var components = new ArrayList<ComponentDraft>();
				var list = r.components() == null ? List.<FieldComponent>of() : r.components();
				for (int c = 0; c < list.size(); c++) {
					var component = list.get(c);
					var f = "components[" + c + "].";
					if (component == null) {
						local.add(FieldProblem.of("components[" + c + "]", "drugchecking.error.component.null"));
						continue;
					}
					components.add(new ComponentDraft(component.text(), component.quantity(),
							DrugCheckingApiController.constant(QuantityUnit.class, component.unit(), f + "unit", local),
							DrugCheckingApiController.constant(Basis.class, component.basis(), f + "basis", local),
							DrugCheckingApiController.constant(Confidence.class, component.confidence(),
									f + "confidence", local),
							DrugCheckingApiController.constant(AnalysisMethod.class, component.method(), f + "method",
									local)));
				}
				yield new FieldSyncManagement.FieldResult(clientId,
						uuid(r.sampleClientId(), i, clientId, "sampleClientId", problems),
						r.baseVersion() == null ? 0 : r.baseVersion(),
						new ResultDraft(components, r.confirmed() == null || r.confirmed(), r.notes()));
			}
			case "consultation" -> new FieldSyncManagement.FieldConsultation(clientId,
					uuid(r.sampleClientId(), i, clientId, "sampleClientId", problems),
					uuid(r.baseClientId(), i, clientId, "baseClientId", problems), r.advice(), r.disposed(),
					DrugCheckingApiController.constant(IntendedChange.class, r.intendedChange(), "intendedChange",
							local),
					r.referral());
			default -> {
				problems
					.add(new FieldSyncManagement.RecordProblem(i, clientId, "kind", "drugchecking.error.sync.kind"));
				yield null;
			}
		};
		local.forEach(p -> problems.add(new FieldSyncManagement.RecordProblem(i, clientId, p)));
		return record;
	}

	private static @Nullable UUID uuid(@Nullable String value, int record, @Nullable UUID clientId, String field,
			List<FieldSyncManagement.RecordProblem> problems) {
		var id = FormText.uuid(value);
		if (FormText.unreadable(value, id)) {
			problems.add(new FieldSyncManagement.RecordProblem(record, clientId, field, "drugchecking.error.uuid"));
		}
		return id;
	}

	/**
	 * 422 {@code application/problem+json} naming each wrong record: its index, the id
	 * the device gave it, the field and the message in the reader's words.
	 */
	private ResponseEntity<ProblemDetail> rejected(List<FieldSyncManagement.RecordProblem> problems) {
		var locale = LocaleContextHolder.getLocale();
		var errors = new ArrayList<Map<String, Object>>();
		var said = new ArrayList<String>();
		for (var p : problems) {
			var message = messages.getMessage(p.problem(), locale);
			var error = new LinkedHashMap<String, Object>();
			error.put("record", p.record());
			error.put("clientId", p.clientId() == null ? "" : p.clientId().toString());
			error.put("field", p.field());
			error.put("message", message);
			errors.add(error);
			said.add((p.record() < 0 ? "" : "records[" + p.record() + "] ") + p.field() + ": " + message);
		}
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages
			.getMessage("drugchecking.error.sync.nothingStored", new Object[] { String.join(" ", said) }, locale));
		problem.setTitle(messages.getMessage("drugchecking.error.sync.title", null, locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
