package org.harmwatch.overdose.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.overdose.DeathDraft;
import org.harmwatch.overdose.DeathsManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Drug-related deaths: the table by year of registration and of occurrence next to ONS's
 * published registrations, and the partner API through which a coroner's service sends
 * its findings (a file's rows, all or nothing).
 */
@Controller
class DeathsController {

	static final String FORM = "deathsForm";

	/** The years asked for, as typed. */
	record DeathsForm(@Nullable String from, @Nullable String to) {
	}

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

	private final Clock clock;

	private final RegionSettings region;

	DeathsController(DeathsManagement deaths, Clock clock, RegionSettings region) {
		this.deaths = deaths;
		this.clock = clock;
		this.region = region;
	}

	@GetMapping("/overdose/deaths")
	@Requires(capability = Capability.OVERDOSE, action = Action.READ)
	String page(@ModelAttribute(FORM) DeathsForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int thisYear = Year.now(clock.withZone(region.timeZone())).getValue();
		var problems = new ArrayList<FieldProblem>();
		var first = year(form.from(), "from", thisYear, problems);
		var last = year(form.to(), "to", thisYear, problems);
		int lastYear = last == null ? thisYear : last;
		int firstYear = first == null ? lastYear - 9 : first;
		if (problems.isEmpty() && (firstYear > lastYear || lastYear - firstYear > 40)) {
			problems.add(FieldProblem.of("to", "overdose.deaths.years.range", 40));
		}
		if (!problems.isEmpty()) {
			new InputRejectedException(problems).addTo(result);
			model.addAttribute("table", null);
		}
		else {
			model.addAttribute("table", deaths.table(firstYear, lastYear, user));
		}
		return "overdose/deaths";
	}

	@PostMapping("/api/overdose/deaths")
	@Requires(capability = Capability.OVERDOSE, action = Action.WRITE)
	@ResponseBody
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

	private static @Nullable Integer year(@Nullable String text, String field, int thisYear,
			List<FieldProblem> problems) {
		var value = Parsing.text(text);
		if (value == null) {
			return null;
		}
		try {
			int year = Integer.parseInt(value);
			if (year >= 1900 && year <= thisYear) {
				return year;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		problems.add(FieldProblem.of(field, "overdose.deaths.year.invalid", thisYear));
		return null;
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
