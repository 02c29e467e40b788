package org.harmwatch.consumptionrooms.web;

import java.util.UUID;

import org.harmwatch.consumptionrooms.NeedleMaps;
import org.harmwatch.consumptionrooms.RoomEvaluation;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A consumption room's evaluation around its site (needle finds and overdoses in rings,
 * before and after it opened) and the siting view of a district.
 */
@Controller
class RoomEvaluationController {

	private final RoomEvaluation evaluation;

	private final NeedleMaps maps;

	RoomEvaluationController(RoomEvaluation evaluation, NeedleMaps maps) {
		this.evaluation = evaluation;
		this.maps = maps;
	}

	@GetMapping("/rooms/evaluation")
	@RequiresAnyOf(capability = Capability.PROGRAMME, action = Action.READ, orCapability = Capability.CONSUMPTION_ROOMS,
			orAction = Action.READ)
	String evaluation(@RequestParam(name = "site", required = false) @Nullable String site,
			@RequestParam(name = "months", required = false) @Nullable String months, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var sites = evaluation.sites(user);
		model.addAttribute("sites", sites);
		int chosenMonths = months(months);
		model.addAttribute("months", chosenMonths);
		UUID siteId = site == null || site.isBlank() ? null : uuid(site.strip());
		if (siteId == null && !sites.isEmpty()) {
			siteId = sites.getFirst().site().id();
		}
		model.addAttribute("siteId", siteId);
		if (siteId != null) {
			var chosen = siteId;
			var operating = sites.stream().filter(s -> s.site().id().equals(chosen)).findFirst();
			if (operating.isPresent() && !operating.get().evaluable()) {
				model.addAttribute("noHours", operating.get());
			}
			else {
				model.addAttribute("evaluation", evaluation.evaluate(siteId, chosenMonths, user));
			}
		}
		model.addAttribute("maxMonths", RoomEvaluation.MAX_MONTHS);
		model.addAttribute("threshold", NeedleMaps.SUPPRESS_UNDER);
		return "consumptionrooms/evaluation";
	}

	@GetMapping("/rooms/siting")
	@RequiresAnyOf(capability = Capability.PROGRAMME, action = Action.READ, orCapability = Capability.CONSUMPTION_ROOMS,
			orAction = Action.READ)
	String siting(@RequestParam(name = "lad", required = false) @Nullable String lad,
			@RequestParam(name = "overdoses", required = false) @Nullable String overdoses, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var counted = counted(overdoses);
		var districts = maps.districts();
		var ladCode = NeedleMapController.lad(lad);
		if (ladCode == null) {
			ladCode = districts.isEmpty() ? "E08000025" : districts.getFirst().code();
		}
		model.addAttribute("districts", districts);
		model.addAttribute("siting", evaluation.siting(ladCode, counted == OverdosesCounted.AMBULANCE, user));
		model.addAttribute("overdosesCounted", OverdosesCounted.values());
		model.addAttribute("threshold", NeedleMaps.SUPPRESS_UNDER);
		return "consumptionrooms/siting";
	}

	/** Which overdoses the siting view counts. */
	enum OverdosesCounted {

		/** Every overdose recorded with a place. */
		ALL,
		/** Ambulance call-outs only. */
		AMBULANCE

	}

	private static OverdosesCounted counted(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return OverdosesCounted.ALL;
		}
		for (var value : OverdosesCounted.values()) {
			if (value.name().equals(text.strip())) {
				return value;
			}
		}
		throw new InputRejectedException(FieldProblem.of("overdoses", "consumptionrooms.siting.overdoses.invalid"));
	}

	private static int months(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return RoomEvaluation.DEFAULT_MONTHS;
		}
		var value = text.strip();
		if (value.matches("\\d{1,2}")) {
			int months = Integer.parseInt(value);
			if (months >= 1 && months <= RoomEvaluation.MAX_MONTHS) {
				return months;
			}
		}
		throw new InputRejectedException(
				FieldProblem.of("months", "consumptionrooms.evaluation.months.range", RoomEvaluation.MAX_MONTHS));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("consumptionrooms.notFound.site", id.length() > 40 ? id.substring(0, 40) : id);
		}
	}

}
