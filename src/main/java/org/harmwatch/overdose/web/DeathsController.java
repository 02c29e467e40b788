package org.harmwatch.overdose.web;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.overdose.DeathsManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Drug-related deaths: the table by year of registration and of occurrence next to ONS's
 * published registrations ({@link DeathsApiController} takes the findings).
 */
@Controller
class DeathsController {

	static final String FORM = "deathsForm";

	/** The years asked for, as typed. */
	record DeathsForm(@Nullable String from, @Nullable String to) {
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

}
