package org.harmwatch.drugchecking.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.harmwatch.drugchecking.StatisticsManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRanges;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Statistics for the service and the programme, over a period of months (the last twelve
 * unless chosen). A month that cannot be read is ignored with a message; the default is
 * used instead.
 */
@Controller
class DrugCheckingStatisticsController {

	static final int MAX_MONTHS = 120;

	private final StatisticsManagement statistics;

	private final Clock clock;

	private final MessageSource messages;

	DrugCheckingStatisticsController(StatisticsManagement statistics, Clock clock, MessageSource messages) {
		this.statistics = statistics;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/drug-checking/statistics")
	@Requires(capability = Capability.DRUG_CHECKING, action = Action.READ)
	String statistics(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal HarmwatchUser user,
			Model model) {
		var problems = new ArrayList<FieldProblem>();
		var last = month(to, "to", problems);
		var first = month(from, "from", problems);
		if (last == null) {
			last = statistics.thisMonth(clock.instant());
		}
		if (first == null) {
			first = last.minusMonths(11);
		}
		if (last.isBefore(first)) {
			problems.add(FieldProblem.of("to", "stats.error.toBeforeFrom"));
			first = last.minusMonths(11);
		}
		if (first.plusMonths(MAX_MONTHS).isBefore(last)) {
			problems.add(FieldProblem.of("from", "stats.error.tooLong", MAX_MONTHS));
			first = last.minusMonths(MAX_MONTHS - 1);
		}
		model.addAttribute("problems", FormProblems.messages(problems, messages));
		model.addAttribute("s", statistics.statistics(first, last, user));
		model.addAttribute("substance", StatisticsManagement.POTENCY_SUBSTANCE.toUpperCase(java.util.Locale.ROOT));
		return "drugchecking/statistics";
	}

	private static @Nullable YearMonth month(@Nullable String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var month = YearMonth.parse(value.strip());
			if (InputRanges.isAccepted(month)) {
				return month;
			}
			throw new DateTimeParseException("outside the years 1 to 9999", value, 0);
		}
		catch (DateTimeParseException ex) {
			var v = value.strip();
			problems.add(FieldProblem.of(field, "stats.error.month", v.length() > 40 ? v.substring(0, 40) + "…" : v));
			return null;
		}
	}

}
