package org.harmwatch.diversion.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.DiversionOutcomeManagement;
import org.harmwatch.diversion.OutcomeReport;
import org.harmwatch.diversion.Rate;
import org.harmwatch.diversion.RateComparison;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.HarmwatchUser;
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
 * The outcomes per arm (each rate with its window and interval, and a comparison of two
 * rates that is refused across windows unless labelled) and the fairness report.
 */
@Controller
class DiversionReportController {

	/** Two rates to compare, each named {@code measure:ARM:window}, and the label. */
	record CompareForm(@Nullable String first, @Nullable String second, @Nullable String label) {
	}

	/**
	 * The programme text's Checkpoint figures (1M): the example of windows that differ.
	 */
	static final String PROGRAMME_USUAL = "programme:usual:12";

	static final String PROGRAMME_CHECKPOINT = "programme:checkpoint:18";

	private final DiversionOutcomeManagement reports;

	DiversionReportController(DiversionOutcomeManagement reports) {
		this.reports = reports;
	}

	@GetMapping("/diversion/outcomes")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	String outcomes(@ModelAttribute("compareForm") CompareForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var report = reports.outcomes(user);
		model.addAttribute("report", report);
		var options = new LinkedHashMap<String, String>();
		for (var measure : OutcomeReport.MEASURES) {
			for (var arm : Arm.values()) {
				for (var window : OutcomeReport.WINDOWS) {
					options.put(measure + ":" + arm + ":" + window, measure + ":" + arm + ":" + window);
				}
			}
		}
		options.put(PROGRAMME_USUAL, "diversion.compare.programmeUsual");
		options.put(PROGRAMME_CHECKPOINT, "diversion.compare.programmeCheckpoint");
		model.addAttribute("rateOptions", options);
		if (form.first() != null || form.second() != null) {
			var problems = new ArrayList<FieldProblem>();
			var first = rate(report, form.first(), "first", problems);
			var second = rate(report, form.second(), "second", problems);
			if (problems.isEmpty() && first != null && second != null) {
				var label = form.label() == null || form.label().length() > 200 ? null : form.label();
				try {
					model.addAttribute("comparison", RateComparison.of(first, second, label));
				}
				catch (RateComparison.WindowsDiffer ex) {
					problems.add(FieldProblem.of("label", "diversion.compare.windowsDiffer", ex.firstWindow(),
							ex.secondWindow()));
				}
			}
			if (!problems.isEmpty()) {
				new InputRejectedException(problems).addTo(result);
			}
		}
		return "diversion/outcomes";
	}

	/**
	 * A rate named {@code measure:ARM:window} from the report, or one of the programme
	 * text's.
	 */
	static @Nullable Rate rate(OutcomeReport report, @Nullable String name, String field,
			java.util.List<FieldProblem> problems) {
		if (PROGRAMME_USUAL.equals(name)) {
			// 19 % reconvicted within 12 months (1M); the count behind it is not
			// published.
			return new Rate("reconvicted", null, 12, 19, 100);
		}
		if (PROGRAMME_CHECKPOINT.equals(name)) {
			return new Rate("reconvicted", null, 18, 4, 100);
		}
		var parts = name == null || name.length() > 60 ? new String[0] : name.split(":");
		if (parts.length == 3 && OutcomeReport.MEASURES.contains(parts[0])) {
			try {
				var found = report.row(parts[0], Arm.valueOf(parts[1]), Integer.parseInt(parts[2]));
				if (found.isPresent() && found.get().rate() != null) {
					return found.get().rate();
				}
				if (found.isPresent()) {
					// Its difference from another rate would give the withheld count
					// away.
					problems.add(FieldProblem.of(field, "diversion.compare.withheld"));
					return null;
				}
			}
			catch (IllegalArgumentException ex) {
				// named below
			}
		}
		problems.add(FieldProblem.of(field, "diversion.choice.required"));
		return null;
	}

	@GetMapping("/diversion/fairness")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	String fairness(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("report", reports.fairness(user));
		return "diversion/fairness";
	}

}
