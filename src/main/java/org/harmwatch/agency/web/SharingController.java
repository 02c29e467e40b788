package org.harmwatch.agency.web;

import java.util.List;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.agency.SharingManagement;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.shared.Purpose;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Data-sharing agreements: administrators record which agency's records another agency
 * may read or change, for which purpose, on which legal basis and between which dates,
 * and end them. Auditors and administrators see them all.
 */
@Controller
@RequestMapping("/admin/sharing")
class SharingController {

	private static final String FORM = "sharingForm";

	private final SharingManagement sharing;

	private final AgencyManagement agencies;

	SharingController(SharingManagement sharing, AgencyManagement agencies) {
		this.sharing = sharing;
		this.agencies = agencies;
	}

	@GetMapping
	@Requires(capability = Capability.AGENCY, action = Action.READ)
	String list(Model model) {
		model.addAttribute("agreements", sharing.agreements());
		return "agency/sharingList";
	}

	@GetMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String newAgreement(Model model) {
		model.addAttribute(FORM, SharingAgreementForm.empty());
		return form(model);
	}

	@PostMapping("/new")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String record(@Validated @ModelAttribute(FORM) SharingAgreementForm form, BindingResult result, Model model,
			Authentication authentication, RedirectAttributes redirect) {
		var capability = FormValues.choice(Capability.class, form.capability(), "capability", result);
		var access = FormValues.choice(Action.class, form.access(), "access", result);
		var purpose = FormValues.choice(Purpose.class, form.purpose(), "purpose", result);
		var startsOn = FormValues.date(form.startsOn(), "startsOn", result);
		var endsOn = FormValues.date(form.endsOn(), "endsOn", result);
		if (!result.hasErrors()) {
			try {
				var agreement = sharing.record(new SharingManagement.Draft(form.reference(), form.owner(),
						form.recipient(), capability, access, purpose, form.legalBasis(), startsOn, endsOn),
						authentication.getName());
				redirect.addFlashAttribute(Notice.ATTRIBUTE,
						new Notice("admin.sharing.recorded", agreement.reference()));
				return "redirect:/admin/sharing";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model);
	}

	@PostMapping("/{id}/end")
	@Requires(capability = Capability.AGENCY, action = Action.MANAGE)
	String end(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		sharing.end(id, authentication.getName());
		redirect.addFlashAttribute(Notice.ATTRIBUTE, new Notice("admin.sharing.ended", null));
		return "redirect:/admin/sharing";
	}

	private String form(Model model) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("agencies", agencies.agencies());
		model.addAttribute("capabilities", List.of(Capability.values()));
		model.addAttribute("accesses", List.of(Action.READ, Action.WRITE));
		model.addAttribute("purposes", List.of(Purpose.values()));
		return "agency/sharingForm";
	}

}
