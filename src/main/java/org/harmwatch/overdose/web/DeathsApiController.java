package org.harmwatch.overdose.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.overdose.DeathDraft;
import org.harmwatch.overdose.DeathsManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API through which a coroner's service sends its drug-death findings (a
 * file's rows, all or nothing). A REST controller, so that malformed JSON, wrong types
 * and unknown properties are answered as problems naming the field, as on every API.
 */
@RestController
class DeathsApiController {

	/** One finding as sent; dates are ISO ({@code 2020-03-14}). */
	record FindingRequest(@Nullable String sourceReference, @Nullable String dateOfDeath,
			@Nullable String dateOfRegistration, @Nullable String ladCode, @Nullable String underlyingCause,
			@Nullable List<String> substances, @Nullable Boolean controlledUnderMisuseOfDrugsAct) {
	}

	record FindingsRequest(@Nullable List<FindingRequest> findings) {
	}

	record Recorded(int received, int created) {
	}

	private final DeathsManagement deaths;

	DeathsApiController(DeathsManagement deaths) {
		this.deaths = deaths;
	}

	@PostMapping("/api/overdose/deaths")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	ResponseEntity<Recorded> record(@RequestBody FindingsRequest request, @AuthenticationPrincipal HarmwatchUser user) {
		var sent = request.findings() == null ? List.<FindingRequest>of() : request.findings();
		var problems = new ArrayList<FieldProblem>();
		var drafts = new ArrayList<DeathDraft>();
		int number = 0;
		for (var f : sent) {
			number++;
			if (f == null) {
				problems.add(FieldProblem.of("findings", "overdose.death.reference", number));
				continue;
			}
			drafts.add(new DeathDraft(f.sourceReference(), date(f.dateOfDeath(), "dateOfDeath", number, problems),
					date(f.dateOfRegistration(), "dateOfRegistration", number, problems), f.ladCode(),
					f.underlyingCause(), f.substances() == null ? List.of() : f.substances(),
					f.controlledUnderMisuseOfDrugsAct()));
			if (problems.size() > 20) {
				break;
			}
		}
		if (!problems.isEmpty()) {
			throw new InputRejectedException(problems);
		}
		int created = deaths.record(drafts, user);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Recorded(drafts.size(), created));
	}

	private static @Nullable LocalDate date(@Nullable String text, String field, int number,
			List<FieldProblem> problems) {
		var value = Parsing.text(text);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() > 10) {
				throw new DateTimeParseException("too long", value, 0);
			}
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(field, "overdose.death." + field, number));
			return null;
		}
	}

}
