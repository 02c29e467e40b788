package org.harmwatch.hatclinic.web;

import org.harmwatch.hatclinic.HatReports;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published outcomes of heroin-assisted treatment: before and after per cohort, cells
 * of fewer than five people withheld; the only view the policing side has.
 */
@Controller
class HatOutcomesController {

	private final HatReports reports;

	HatOutcomesController(HatReports reports) {
		this.reports = reports;
	}

	@GetMapping("/hat/outcomes")
	@PublicEndpoint("Before/after outcomes of heroin-assisted treatment per cohort; cells under 5 people withheld")
	String outcomes(Model model) {
		model.addAttribute("cohorts", reports.outcomes());
		model.addAttribute("recordedCrime", reports.recordedCrime());
		model.addAttribute("recordedCrimeMonths", HatReports.RECORDED_CRIME_MONTHS);
		model.addAttribute("suppressBelow", HatReports.SUPPRESS_BELOW);
		return "hatclinic/outcomes";
	}

}
