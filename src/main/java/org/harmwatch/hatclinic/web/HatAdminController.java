package org.harmwatch.hatclinic.web;

import java.math.BigDecimal;

import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.HatReports;
import org.harmwatch.hatclinic.LicenceDraft;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
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
 * The register of prescribers' Home Office licences, and the cost per patient-year from
 * the clinic's unit costs against the comparators.
 */
@Controller
class HatAdminController {

	private static final String LICENCE_FORM = "licenceForm";

	private static final String COST_FORM = "costForm";

	private final HatClinicManagement clinic;

	private final HatReports reports;

	HatAdminController(HatClinicManagement clinic, HatReports reports) {
		this.clinic = clinic;
		this.reports = reports;
	}

	@GetMapping("/hat/licences")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String licences(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(LICENCE_FORM, LicenceForm.empty());
		return licencePage(model, user);
	}

	@PostMapping("/hat/licences")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String recordLicence(@Validated @ModelAttribute(LICENCE_FORM) LicenceForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var from = FormValues.date(form.validFrom(), "validFrom", result);
		var to = FormValues.date(form.validTo(), "validTo", result);
		if (!result.hasErrors() && form.prescriber() != null && form.licenceNumber() != null && from != null
				&& to != null) {
			try {
				clinic.recordLicence(new LicenceDraft(form.prescriber(), form.licenceNumber(), from, to), user);
				redirect.addFlashAttribute(HatClinicController.NOTICE, "hatclinic.licence.recorded");
				return "redirect:/hat/licences";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return licencePage(model, user);
	}

	@GetMapping("/hat/costs")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String costs(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(COST_FORM, CostForm.empty());
		return costPage(null, model, user);
	}

	@PostMapping("/hat/costs/{code}")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.MANAGE)
	String changeCost(@PathVariable String code, @Validated @ModelAttribute(COST_FORM) CostForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		BigDecimal amount = null;
		if (!result.hasFieldErrors("amount") && form.amount() != null) {
			try {
				amount = new BigDecimal(form.amount().replace(",", "").replace("£", ""));
			}
			catch (NumberFormatException ex) {
				result.rejectValue("amount", "hatclinic.cost.amount.range");
			}
		}
		if (!result.hasErrors() && amount != null && form.source() != null) {
			try {
				reports.changeUnitCost(code, amount, form.source(), user);
				redirect.addFlashAttribute(HatClinicController.NOTICE, "hatclinic.cost.changed");
				return "redirect:/hat/costs";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return costPage(code, model, user);
	}

	private String licencePage(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, LICENCE_FORM);
		model.addAttribute("licences", clinic.licences(user));
		model.addAttribute("today", clinic.today());
		return "hatclinic/licences";
	}

	private String costPage(@Nullable String editing, Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, COST_FORM);
		model.addAttribute("report", reports.costs(user));
		model.addAttribute("editing", editing);
		model.addAttribute("mayManage", HatPolicy.mayManage(user));
		return "hatclinic/costs";
	}

}
