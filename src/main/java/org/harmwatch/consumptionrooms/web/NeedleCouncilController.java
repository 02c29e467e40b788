package org.harmwatch.consumptionrooms.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.harmwatch.consumptionrooms.NeedleManagement;
import org.harmwatch.consumptionrooms.NeedleStatus;
import org.harmwatch.consumptionrooms.SweepDraft;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council's needle pages: its reports with their state and service level, one report
 * with its photo and the sweep form, and recording quality per council for the
 * commissioner.
 */
@Controller
class NeedleCouncilController {

	static final String NOTICE = "notice";

	private static final String SWEEP_FORM = "sweepForm";

	private final NeedleManagement needles;

	private final ZoneId zone;

	NeedleCouncilController(NeedleManagement needles, RegionSettings region) {
		this.needles = needles;
		this.zone = region.timeZone();
	}

	@InitBinder(SWEEP_FORM)
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/needles")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	String list(@RequestParam(name = "status", required = false) String status,
			@RequestParam(name = "page", required = false) String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		NeedleStatus chosen = null;
		if (status != null && !status.isBlank()) {
			try {
				chosen = NeedleStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("statusProblem", true);
			}
		}
		int number = 1;
		if (page != null && page.matches("\\d{1,5}")) {
			number = Integer.parseInt(page);
		}
		var found = needles.reports(chosen, number, user);
		model.addAttribute("page", found);
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("statuses", statuses());
		model.addAttribute("zone", zone);
		return "consumptionrooms/needles";
	}

	@GetMapping("/needles/reports/{id}")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	String report(@PathVariable("id") String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var today = needles.today();
		model.addAttribute(SWEEP_FORM,
				SweepForm.of(today.toString(), LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES).toString()));
		return report(uuid(id), model, user);
	}

	@PostMapping("/needles/reports/{id}/sweeps")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String sweep(@PathVariable("id") String id, @Validated @ModelAttribute(SWEEP_FORM) SweepForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var reportId = uuid(id);
		var found = FormValues.choice(Found.class, form.found(), "found", result);
		var collected = form.collected() == null ? Integer.valueOf(0)
				: FormValues.number(form.collected(), "collected", 0, NeedleManagement.MAX_COLLECTED, result);
		var on = FormValues.date(form.sweptOn(), "sweptOn", result);
		var time = FormValues.time(form.sweptTime(), "sweptTime", result);
		if (!result.hasErrors() && found != null && collected != null && on != null && time != null) {
			try {
				needles.sweep(reportId, new SweepDraft(found == Found.YES, collected,
						LocalDateTime.of(on, time).atZone(zone).toInstant(), form.notes()), user);
				redirect.addFlashAttribute(NOTICE, "consumptionrooms.sweep.recorded");
				return "redirect:/needles/reports/" + reportId;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return report(reportId, model, user);
	}

	@GetMapping("/needles/reports/{id}/photo")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	ResponseEntity<byte[]> photo(@PathVariable("id") String id, @AuthenticationPrincipal HarmwatchUser user) {
		var photo = needles.photo(uuid(id), user);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(photo.content());
	}

	@GetMapping("/needles/quality")
	@RequiresAnyOf(capability = Capability.PROGRAMME, action = Action.READ, orCapability = Capability.CONSUMPTION_ROOMS,
			orAction = Action.READ)
	String quality(@RequestParam(name = "year", required = false) String year, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int chosen = needles.today().getYear();
		if (year != null && year.matches("\\d{4}")) {
			int asked = Integer.parseInt(year);
			if (asked >= 2000 && asked <= chosen) {
				chosen = asked;
			}
		}
		model.addAttribute("year", chosen);
		model.addAttribute("councils", needles.quality(chosen, user));
		return "consumptionrooms/quality";
	}

	/** Whether a sweep found needles. */
	enum Found {

		YES, NO

	}

	private String report(UUID id, Model model, HarmwatchUser user) {
		model.addAttribute("report", needles.report(id, user));
		model.addAttribute("zone", zone);
		var found = new LinkedHashMap<String, String>();
		found.put(Found.YES.name(), "consumptionrooms.sweep.found.YES");
		found.put(Found.NO.name(), "consumptionrooms.sweep.found.NO");
		model.addAttribute("foundOptions", found);
		return "consumptionrooms/needleReportView";
	}

	private static LinkedHashMap<String, String> statuses() {
		var options = new LinkedHashMap<String, String>();
		for (var status : NeedleStatus.values()) {
			options.put(status.name(), "consumptionrooms.status." + status.name());
		}
		return options;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("consumptionrooms.notFound.report", id);
		}
	}

}
