package org.harmwatch.hatclinic.web;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.HatCrimeLinkManagement;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.platform.FieldProblem;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recorded-crime link: the legal bases the clinic relies on (managers record them),
 * linking a client by the police person identifier (clinic staff; the identifier is
 * hashed, never stored). The force sends its counts to
 * {@link RecordedCrimeApiController}.
 */
@Controller
class HatCrimeLinkController {

	static final String BASIS_FORM = "basisForm";

	static final String LINK_FORM = "crimeLinkForm";

	/** The agreement to rely on. */
	record BasisForm(@Size(max = 40, message = "{hatclinic.crimeLink.agreement}") @Nullable String agreement) {
	}

	/** The force and the police person identifier. */
	record CrimeLinkForm(@Size(max = 40, message = "{hatclinic.crimeLink.force}") @Nullable String force,
			@Size(max = 40, message = "{hatclinic.crimeLink.identifier}") @Nullable String identifier) {
	}

	private final HatCrimeLinkManagement links;

	private final HatClinicManagement clinic;

	HatCrimeLinkController(HatCrimeLinkManagement links, HatClinicManagement clinic) {
		this.links = links;
		this.clinic = clinic;
	}

	@GetMapping("/hat/crime-links")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String bases(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(BASIS_FORM, new BasisForm(null));
		return basesPage(model, user);
	}

	@PostMapping("/hat/crime-links")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.MANAGE)
	String recordBasis(@Validated @ModelAttribute(BASIS_FORM) BasisForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				links.recordBasis(agreementId(form.agreement()), user);
				redirect.addFlashAttribute(HatClinicController.NOTICE, "hatclinic.crimeLink.basis.recorded");
				return "redirect:/hat/crime-links";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return basesPage(model, user);
	}

	@GetMapping("/hat/patients/{id}/crime-link")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String linkForm(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(LINK_FORM, new CrimeLinkForm(null, null));
		return linkPage(HatClinicController.uuid(id, "hatclinic.notFound.patient"), model, user);
	}

	@PostMapping("/hat/patients/{id}/crime-link")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String link(@PathVariable String id, @Validated @ModelAttribute(LINK_FORM) CrimeLinkForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var patient = HatClinicController.uuid(id, "hatclinic.notFound.patient");
		if (!result.hasErrors()) {
			try {
				links.link(patient, form.force() == null ? "" : form.force(),
						form.identifier() == null ? "" : form.identifier(), user);
				redirect.addFlashAttribute(HatClinicController.NOTICE, "hatclinic.crimeLink.linked.done");
				return "redirect:/hat/patients/" + patient + "/crime-link";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return linkPage(patient, model, user);
	}

	private String basesPage(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, BASIS_FORM);
		model.addAttribute("bases", links.bases(user));
		boolean manager = HatPolicy.mayRecordLinkBasis(user);
		model.addAttribute("mayManage", manager);
		model.addAttribute("agreements", manager ? links.agreements(user) : Map.of());
		model.addAttribute("keyConfigured", links.keyConfigured());
		return "hatclinic/crimeLinks";
	}

	private String linkPage(UUID patientId, Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, LINK_FORM);
		var patient = clinic.patient(patientId, user);
		model.addAttribute("patient", patient);
		model.addAttribute("linked", links.linkedForces(patientId, user));
		var forces = new java.util.LinkedHashMap<String, String>();
		links.bases(user).forEach(b -> forces.putIfAbsent(b.forceAgency(), b.forceName()));
		model.addAttribute("forces", forces);
		model.addAttribute("keyConfigured", links.keyConfigured());
		return "hatclinic/crimeLink";
	}

	private static UUID agreementId(@Nullable String value) {
		try {
			return UUID.fromString(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InputRejectedException(FieldProblem.of("agreement", "hatclinic.crimeLink.agreement"));
		}
	}

}
