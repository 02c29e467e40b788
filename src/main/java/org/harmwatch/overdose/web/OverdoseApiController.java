package org.harmwatch.overdose.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.overdose.AgeBand;
import org.harmwatch.overdose.IncidentDraft;
import org.harmwatch.overdose.IncidentOutcome;
import org.harmwatch.overdose.IncidentSource;
import org.harmwatch.overdose.IncidentView;
import org.harmwatch.overdose.NaloxoneAdministration;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.overdose.OverdoseManagement;
import org.harmwatch.overdose.RecordedVia;
import org.harmwatch.overdose.Sex;
import org.harmwatch.overdose.SubstanceBasis;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API: a partner's system (an ambulance service's dispatch, a consumption
 * room's records) sends each overdose as it is recorded. Idempotent by the partner's
 * {@code sourceReference}: a re-send answers 200 with the incident stored the first time,
 * a new incident 201. Enumerations are text, so that a wrong value is named.
 */
@RestController
class OverdoseApiController {

	/**
	 * One naloxone administration.
	 *
	 * @param holderAgencyCode the agency whose kit was used, if known
	 */
	record NaloxoneRequest(@Nullable String givenBy, @Nullable String holderAgencyCode, @Nullable Integer doses,
			@Nullable String route) {
	}

	/**
	 * An incident; {@code occurredAt} is ISO 8601 with its offset
	 * ({@code 2026-12-05T21:30:00Z}).
	 */
	record IncidentRequest(@Nullable String occurredAt, @Nullable Double lat, @Nullable Double lon,
			@Nullable String location, @Nullable Boolean fatal, @Nullable List<NaloxoneRequest> naloxone,
			@Nullable String source, @Nullable String sourceReference, @Nullable String ageBand, @Nullable String sex,
			@Nullable List<String> substances, @Nullable String substanceBasis, @Nullable String outcome,
			@Nullable String personCode) {
	}

	record Created(UUID id, String location, boolean created) {
	}

	private final OverdoseManagement overdoses;

	OverdoseApiController(OverdoseManagement overdoses) {
		this.overdoses = overdoses;
	}

	@PostMapping("/api/overdose/incidents")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	ResponseEntity<Created> record(@RequestBody IncidentRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var recorded = overdoses.record(draft(request), user, RecordedVia.API);
		var location = "/api/overdose/incidents/" + recorded.id();
		var body = new Created(recorded.id(), location, recorded.created());
		return recorded.created() ? ResponseEntity.created(URI.create(location)).body(body) : ResponseEntity.ok(body);
	}

	@GetMapping("/api/overdose/incidents/{id}")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	ResponseEntity<IncidentView> incident(@PathVariable String id, @AuthenticationPrincipal HarmwatchUser user) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("overdose.notFound.incident", id);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(overdoses.incident(uuid, user));
	}

	static IncidentDraft draft(IncidentRequest request) {
		var problems = new ArrayList<FieldProblem>();
		Instant when = null;
		if (request.occurredAt() == null || request.occurredAt().isBlank()) {
			problems.add(FieldProblem.of("occurredAt", "overdose.occurredAt.required"));
		}
		else {
			try {
				when = OffsetDateTime.parse(request.occurredAt().strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				problems.add(FieldProblem.of("occurredAt", "overdose.occurredAt.invalid"));
			}
		}
		if (request.fatal() == null) {
			problems.add(FieldProblem.of("fatal", "overdose.fatal.required"));
		}
		var naloxone = new ArrayList<NaloxoneAdministration>();
		var given = request.naloxone() == null ? List.<NaloxoneRequest>of() : request.naloxone();
		if (given.size() > 10) {
			problems.add(FieldProblem.of("naloxone", "overdose.naloxone.tooMany", 10));
		}
		else {
			for (var n : given) {
				if (n == null) {
					problems.add(FieldProblem.of("naloxone", "overdose.naloxone.route.required"));
					continue;
				}
				var giver = Parsing.constant(NaloxoneGiver.class, n.givenBy(), "naloxone", problems);
				var route = Parsing.constant(NaloxoneRoute.class, n.route(), "naloxone", problems);
				if (n.doses() == null || n.doses() < 1 || n.doses() > 20) {
					problems.add(FieldProblem.of("naloxone", "overdose.naloxone.doses.range", 20));
				}
				else if (route == null) {
					problems.add(FieldProblem.of("naloxone", "overdose.naloxone.route.required"));
				}
				else {
					naloxone.add(new NaloxoneAdministration(giver == null ? NaloxoneGiver.OTHER : giver,
							Parsing.text(n.holderAgencyCode()), n.doses(), route));
				}
			}
		}
		var source = Parsing.constant(IncidentSource.class, request.source(), "source", problems);
		var band = Parsing.constant(AgeBand.class, request.ageBand(), "ageBand", problems);
		var sex = Parsing.constant(Sex.class, request.sex(), "sex", problems);
		var basis = Parsing.constant(SubstanceBasis.class, request.substanceBasis(), "substanceBasis", problems);
		var outcome = Parsing.constant(IncidentOutcome.class, request.outcome(), "outcome", problems);
		var substances = new ArrayList<String>();
		if (request.substances() != null) {
			for (var words : request.substances()) {
				if (words == null || words.isBlank()) {
					problems.add(FieldProblem.of("substances", "overdose.substances.invalid", 200));
					break;
				}
				substances.add(words.strip());
			}
		}
		if (!problems.isEmpty() || when == null || request.fatal() == null) {
			throw new InputRejectedException(problems);
		}
		return new IncidentDraft(when, request.lat(), request.lon(), Parsing.text(request.location()), request.fatal(),
				naloxone, source, Parsing.text(request.sourceReference()), band, sex, substances, basis, outcome,
				Parsing.text(request.personCode()));
	}

}
