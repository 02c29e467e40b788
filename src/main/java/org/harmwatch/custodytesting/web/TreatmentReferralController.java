package org.harmwatch.custodytesting.web;

import java.util.LinkedHashMap;

import org.harmwatch.custodytesting.CustodyHatReferralManagement;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.TeamReferral;
import org.harmwatch.custodytesting.TeamReferralManagement;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The treatment team's pages: the referrals sent from custody to their agency, and the
 * answer to one (did treatment start, and when). They show a code and a date, nothing of
 * the arrest.
 */
@Controller
class TreatmentReferralController {

	static final String FORM = "answerForm";

	private static final String NOT_FOUND = "custodytesting.notFound.referral";

	static final String HAT_FORM = "hatReferralForm";

	private final CustodyTestingManagement custody;

	private final TeamReferralManagement referrals;

	private final CustodyHatReferralManagement hat;

	TreatmentReferralController(CustodyTestingManagement custody, TeamReferralManagement referrals,
			CustodyHatReferralManagement hat) {
		this.custody = custody;
		this.referrals = referrals;
		this.hat = hat;
	}

	@GetMapping("/custody-testing")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	String home(@AuthenticationPrincipal HarmwatchUser user) {
		if (custody.mayRecord(user) || custody.mayReadRecords(user)) {
			return "redirect:/custody-testing/arrests";
		}
		if (referrals.mayReadReferrals(user)) {
			return "redirect:/custody-testing/referrals";
		}
		throw new AccessDeniedException("Neither custody staff nor a treatment team");
	}

	@GetMapping("/custody-testing/referrals")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("referrals", referrals.teamReferrals(FormValues.page(page), user));
		return "custodytesting/referrals";
	}

	@GetMapping("/custody-testing/referrals/{id}")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	String referral(@PathVariable String id, @RequestParam(required = false) @Nullable String answered,
			@RequestParam(required = false) @Nullable String referredOn, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var referral = referrals.teamReferral(FormValues.id(id, NOT_FOUND), user);
		model.addAttribute(FORM, AnswerForm.empty());
		model.addAttribute("justAnswered", answered != null);
		model.addAttribute("justReferredOn", referredOn != null);
		return page(referral, model, user);
	}

	@PostMapping("/custody-testing/referrals/{id}")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String answer(@PathVariable String id, @Validated @ModelAttribute(FORM) AnswerForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = referrals.teamReferral(FormValues.id(id, NOT_FOUND), user);
		if (!result.hasErrors()) {
			try {
				referrals.answer(referral.id(), form.yes(), form.day(), user);
				return "redirect:/custody-testing/referrals/" + referral.id() + "?answered";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute("justAnswered", false);
		model.addAttribute("justReferredOn", false);
		return page(referral, model, user);
	}

	@GetMapping("/custody-testing/referrals/{id}/hat")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String hatForm(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = referrals.teamReferral(FormValues.id(id, NOT_FOUND), user);
		model.addAttribute(HAT_FORM, HatReferralForm.empty(custody.today()));
		return hatPage(referral, model, user);
	}

	@PostMapping("/custody-testing/referrals/{id}/hat")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String referToHat(@PathVariable String id, @Validated @ModelAttribute(HAT_FORM) HatReferralForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = referrals.teamReferral(FormValues.id(id, NOT_FOUND), user);
		if (!result.hasErrors()) {
			try {
				hat.refer(referral.id(), form.draft(), user);
				return "redirect:/custody-testing/referrals/" + referral.id() + "?referredOn";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return hatPage(referral, model, user);
	}

	private String hatPage(TeamReferral referral, Model model, HarmwatchUser user) {
		if (!hat.mayRefer(user)) {
			throw new AccessDeniedException("Only the treatment team refers on");
		}
		FormErrorOrder.inPageOrder(model, HAT_FORM);
		model.addAttribute("referral", referral);
		model.addAttribute("sent", hat.sent(referral.id(), user).orElse(null));
		model.addAttribute("clinics", hat.clinics());
		return "custodytesting/hatReferralForm";
	}

	private String page(TeamReferral referral, Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, FORM);
		model.addAttribute("referral", referral);
		model.addAttribute("hatSent", hat.sent(referral.id(), user).orElse(null));
		model.addAttribute("mayReferOn", hat.mayRefer(user));
		model.addAttribute("mayAnswer", referrals.mayAnswer(user) && !Boolean.TRUE.equals(referral.treatmentStarted()));
		var options = new LinkedHashMap<String, String>();
		options.put("true", "custodytesting.answer.yes");
		options.put("false", "custodytesting.answer.no");
		model.addAttribute("answers", options);
		return "custodytesting/referral";
	}

}
