package org.harmwatch.consumptionrooms.web;

import java.util.LinkedHashMap;
import java.util.List;

import org.harmwatch.consumptionrooms.NeedleCouncils;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme's set-up of needle reports, for administrators: each district of the
 * region with the council agency answering for it and its service level, and the form
 * that changes them.
 */
@Controller
class NeedleCouncilSetupController {

	private static final String FORM = "councilForm";

	private final NeedleCouncils councils;

	NeedleCouncilSetupController(NeedleCouncils councils) {
		this.councils = councils;
	}

	@InitBinder(FORM)
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/needles/councils")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String councils(@RequestParam(name = "district", required = false) @Nullable String district, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var districts = councils.districts(user);
		var chosen = district == null ? null
				: districts.stream().filter(d -> d.ladCode().equals(district.strip())).findFirst().orElse(null);
		model.addAttribute(FORM,
				chosen == null ? new CouncilForm(null, null, null)
						: new CouncilForm(chosen.ladCode(), chosen.agencyCode(),
								chosen.serviceLevelHours() == null ? null : chosen.serviceLevelHours().toString()));
		return page(districts, chosen, model, user);
	}

	@PostMapping("/needles/councils")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String change(@Validated @ModelAttribute(FORM) CouncilForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var hours = hours(form.serviceLevelHours(), result);
		if (!result.hasErrors() && form.ladCode() != null && form.agencyCode() != null && hours != null) {
			try {
				boolean changed = councils.change(form.ladCode(), form.agencyCode(), hours, user);
				redirect.addFlashAttribute(NeedleCouncilController.NOTICE,
						changed ? "consumptionrooms.councils.changed" : "consumptionrooms.councils.unchanged");
				return "redirect:/needles/councils";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		var districts = councils.districts(user);
		var chosen = districts.stream().filter(d -> d.ladCode().equals(form.ladCode())).findFirst().orElse(null);
		return page(districts, chosen, model, user);
	}

	/** Whole hours in range, or a field message. */
	private static @Nullable Integer hours(@Nullable String text, BindingResult result) {
		if (text == null || result.hasFieldErrors("serviceLevelHours")) {
			return null;
		}
		if (text.matches("\\d{1,4}")) {
			int hours = Integer.parseInt(text);
			if (hours >= NeedleCouncils.MIN_HOURS && hours <= NeedleCouncils.MAX_HOURS) {
				return hours;
			}
		}
		result.rejectValue("serviceLevelHours", "consumptionrooms.council.hours.range",
				new Object[] { NeedleCouncils.MAX_HOURS }, null);
		return null;
	}

	private String page(List<NeedleCouncils.District> districts, NeedleCouncils.@Nullable District chosen, Model model,
			HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("districts", districts);
		model.addAttribute("chosen", chosen);
		var options = new LinkedHashMap<String, String>();
		for (var council : councils.councils(user)) {
			options.put(council.code(), council.name() + " (" + council.code() + ")");
		}
		model.addAttribute("councilOptions", options);
		model.addAttribute("maxHours", NeedleCouncils.MAX_HOURS);
		return "consumptionrooms/councils";
	}

}
