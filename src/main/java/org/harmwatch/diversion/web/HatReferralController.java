package org.harmwatch.diversion.web;

import java.util.ArrayList;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.harmwatch.diversion.DiversionHatReferralManagement;
import org.harmwatch.diversion.HatReferralDraft;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Treatment staff's onward referral to heroin-assisted treatment: the link's reference,
 * the clinic, the person's consent and its day. Nothing about the person or the case is
 * shown, and nothing comes back from the clinic.
 */
@Controller
class HatReferralController {

	static final String FORM = "hatReferralForm";

	/** What treatment staff fill in. */
	record HatReferralForm(
			@Size(max = 40, message = "{diversion.attendance.reference.unknown}") @Nullable String reference,
			@Size(max = 40, message = "{diversion.hat.clinic}") @Nullable String clinic,
			@Size(max = 10, message = "{diversion.hat.consent.required}") @Nullable String consent,
			@Nullable String consentOn, @Nullable String referredOn) {
	}

	private final DiversionHatReferralManagement hat;

	HatReferralController(DiversionHatReferralManagement hat) {
		this.hat = hat;
	}

	@GetMapping("/diversion/hat-referral")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String form(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		mustRefer(user);
		model.addAttribute(FORM, new HatReferralForm(null, null, null, null, hat.today().toString()));
		return page(model);
	}

	@PostMapping("/diversion/hat-referral")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String refer(@Validated @ModelAttribute(FORM) HatReferralForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		mustRefer(user);
		var problems = new ArrayList<FieldProblem>();
		var consentOn = Fields.date(form.consentOn(), "consentOn", problems);
		var referredOn = Fields.date(form.referredOn(), "referredOn", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InputRejectedException(problems);
			}
			if (!result.hasErrors()) {
				var sent = hat.refer(new HatReferralDraft(form.reference(), Fields.text(form.clinic()),
						"true".equals(form.consent()), consentOn, referredOn), user);
				redirect.addFlashAttribute("sent", sent);
				return "redirect:/diversion/hat-referral";
			}
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return page(model);
	}

	private String page(Model model) {
		FormErrorOrder.inPageOrder(model, FORM);
		Map<String, String> clinics = hat.clinics();
		model.addAttribute("clinics", clinics);
		return "diversion/hatReferral";
	}

	private void mustRefer(HarmwatchUser user) {
		if (!hat.mayRefer(user)) {
			throw new AccessDeniedException("Onward referral is made by treatment staff");
		}
	}

}
