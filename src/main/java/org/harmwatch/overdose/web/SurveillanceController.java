package org.harmwatch.overdose.web;

import java.util.UUID;

import org.harmwatch.overdose.OverdoseSurveillance;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The daily surveillance run's page: the latest run (or one chosen) with its alarms by
 * district and class, hot-spot LSOAs and clusters, earlier runs a page at a time, and a
 * button for analysts to run it now.
 */
@Controller
class SurveillanceController {

	private final OverdoseSurveillance surveillance;

	private final RegionSettings region;

	SurveillanceController(OverdoseSurveillance surveillance, RegionSettings region) {
		this.surveillance = surveillance;
		this.region = region;
	}

	@GetMapping("/overdose/surveillance")
	@RequiresAnyOf(capability = Capability.OVERDOSE, action = Action.READ, orCapability = Capability.ANALYTICS,
			orAction = Action.READ)
	String page(@RequestParam(required = false) @Nullable String run,
			@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		UUID runId = null;
		var text = Parsing.text(run);
		if (text != null) {
			try {
				runId = UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				throw new NotFoundException("overdose.surveillance.notFound", text);
			}
		}
		int number = 1;
		var pageText = Parsing.text(page);
		if (pageText != null) {
			try {
				number = Integer.parseInt(pageText);
			}
			catch (NumberFormatException ex) {
				number = 1;
			}
		}
		var shown = surveillance.page(runId, number, user);
		if (shown.isEmpty()) {
			throw new NotFoundException("overdose.surveillance.notFound", text);
		}
		model.addAttribute("surveillance", shown.get());
		model.addAttribute("zone", region.timeZone());
		return "overdose/surveillance";
	}

	@PostMapping("/overdose/surveillance/runs")
	@Requires(capability = Capability.ANALYTICS, action = Action.READ)
	String runNow(@AuthenticationPrincipal HarmwatchUser user) {
		var run = surveillance.runNow(user);
		return "redirect:/overdose/surveillance?run=" + run.id();
	}

}
