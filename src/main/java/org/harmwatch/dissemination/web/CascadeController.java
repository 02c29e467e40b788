package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.CascadeManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Naming each agency's cascade lead and deputy, for administrators and the early-warning
 * coordinator.
 */
@Controller
class CascadeController {

	private static final String FORM = "cascadeLeadForm";

	private final CascadeManagement cascade;

	private final AgencyManagement agencies;

	private final Clock clock;

	CascadeController(CascadeManagement cascade, AgencyManagement agencies, Clock clock) {
		this.cascade = cascade;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/dissemination/cascade-leads")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String leads(Model model) {
		model.addAttribute(FORM, CascadeLeadForm.empty());
		return page(model);
	}

	@PostMapping("/dissemination/cascade-leads")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String name(@Validated @ModelAttribute(FORM) CascadeLeadForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var lead = id(form.lead(), "lead", result);
		var deputy = id(form.deputy(), "deputy", result);
		if (!result.hasErrors() && lead != null && form.agencyCode() != null) {
			try {
				cascade.name(form.agencyCode(), lead, deputy, user.getUsername(), clock.instant());
				redirect.addFlashAttribute("cascadeNotice", "dissemination.cascade.named");
				return "redirect:/dissemination/cascade-leads";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return page(model);
	}

	@PostMapping("/dissemination/cascade-leads/{agencyCode}/remove")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String remove(@PathVariable String agencyCode, RedirectAttributes redirect) {
		if (cascade.remove(agencyCode)) {
			redirect.addFlashAttribute("cascadeNotice", "dissemination.cascade.removed");
		}
		return "redirect:/dissemination/cascade-leads";
	}

	private String page(Model model) {
		model.addAttribute("leads", cascade.leads());
		var agencyOptions = new LinkedHashMap<String, String>();
		agencies.agencies().forEach(a -> agencyOptions.put(a.code(), a.name()));
		model.addAttribute("agencies", agencyOptions);
		model.addAttribute("staff", staffOptions(agencyOptions));
		return "dissemination/cascadeLeads";
	}

	/** Every active member of staff, named with their agency, for the two selects. */
	private Map<String, String> staffOptions(Map<String, String> agencyNames) {
		var options = new LinkedHashMap<String, String>();
		cascade.candidates()
			.forEach((agency, staff) -> staff.forEach(
					(id, name) -> options.put(id.toString(), name + " – " + agencyNames.getOrDefault(agency, agency))));
		return options;
	}

	private static @Nullable UUID id(@Nullable String value, String field, BindingResult result) {
		if (value == null || value.isEmpty() || result.hasFieldErrors(field)) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, "dissemination.cascade.error." + field);
			return null;
		}
	}

}
