package org.harmwatch.custodytesting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.custodytesting.ArrestView;
import org.harmwatch.custodytesting.AssessmentStatus;
import org.harmwatch.custodytesting.AssessmentView;
import org.harmwatch.custodytesting.CustodySuite;
import org.harmwatch.custodytesting.CustodyTestingManagement;
import org.harmwatch.custodytesting.MissedConsequence;
import org.harmwatch.custodytesting.SubstanceResult;
import org.harmwatch.custodytesting.TestBasis;
import org.harmwatch.custodytesting.TestOutcome;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
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
 * The custody officer's pages: the arrests list, recording an arrest with its test, one
 * arrest with its tests, required assessments and referral, and the forms that move it on
 * (the export is {@link FunnelController}'s). The management refuses anyone the policy
 * does not let in.
 */
@Controller
class CustodyTestingController {

	static final String ARREST_FORM = "arrestForm";

	static final String TEST_FORM = "testForm";

	static final String ASSESSMENT_FORM = "assessmentForm";

	static final String REFERRAL_FORM = "referralForm";

	private static final String NOT_FOUND = "custodytesting.notFound.arrest";

	private final CustodyTestingManagement custody;

	private final RegionSettings region;

	CustodyTestingController(CustodyTestingManagement custody, RegionSettings region) {
		this.custody = custody;
		this.region = region;
	}

	@GetMapping("/custody-testing/arrests")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String suite,
			@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var suites = suites();
		var chosen = FormValues.text(suite);
		var filter = chosen != null && suites.containsKey(chosen) ? chosen : null;
		model.addAttribute("arrests", custody.arrests(filter, FormValues.page(page), user));
		model.addAttribute("suites", suites);
		model.addAttribute("suite", filter);
		model.addAttribute("mayRecord", custody.mayRecord(user));
		model.addAttribute("zone", region.timeZone());
		return "custodytesting/list";
	}

	@GetMapping("/custody-testing/arrests/new")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String arrestForm(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		refuseUnlessRecorder(user);
		model.addAttribute(ARREST_FORM, ArrestForm.empty());
		return arrestForm(model);
	}

	@PostMapping("/custody-testing/arrests")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String recordArrest(@Validated @ModelAttribute(ARREST_FORM) ArrestForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		refuseUnlessRecorder(user);
		if (!result.hasErrors()) {
			try {
				var id = custody.recordArrest(form.draft(region.timeZone()), user);
				return "redirect:/custody-testing/arrests/" + id + "?done=recorded";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return arrestForm(model);
	}

	@GetMapping("/custody-testing/arrests/{id}")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.READ)
	String arrest(@PathVariable String id, @RequestParam(required = false) @Nullable String done, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var arrest = custody.arrest(FormValues.id(id, NOT_FOUND), user);
		model.addAttribute("arrest", arrest);
		var message = FormValues.text(done);
		model.addAttribute("done",
				message != null && message.matches("recorded|retested|assessment|followUp|referred") ? message : null);
		model.addAttribute("zone", region.timeZone());
		return "custodytesting/arrest";
	}

	@GetMapping("/custody-testing/arrests/{id}/retest")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String retestForm(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(TEST_FORM, TestForm.empty());
		return retestForm(changeable(id, user), model);
	}

	@PostMapping("/custody-testing/arrests/{id}/retest")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String retest(@PathVariable String id, @Validated @ModelAttribute(TEST_FORM) TestForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		if (!result.hasErrors()) {
			try {
				custody.recordRetest(arrest.id(), form.draft(region.timeZone()), user);
				return "redirect:/custody-testing/arrests/" + arrest.id() + "?done=retested";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return retestForm(arrest, model);
	}

	@GetMapping("/custody-testing/arrests/{id}/assessments/{assessmentId}")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String assessmentForm(@PathVariable String id, @PathVariable String assessmentId, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		var assessment = assessment(arrest, assessmentId);
		model.addAttribute(ASSESSMENT_FORM, AssessmentForm.empty());
		return assessmentForm(arrest, assessment, model);
	}

	@PostMapping("/custody-testing/arrests/{id}/assessments/{assessmentId}")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String updateAssessment(@PathVariable String id, @PathVariable String assessmentId,
			@Validated @ModelAttribute(ASSESSMENT_FORM) AssessmentForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		var assessment = assessment(arrest, assessmentId);
		if (!result.hasErrors()) {
			try {
				custody.updateAssessment(assessment.id(), form.update(region.timeZone()), user);
				return "redirect:/custody-testing/arrests/" + arrest.id() + "?done=assessment";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return assessmentForm(arrest, assessment, model);
	}

	@PostMapping("/custody-testing/arrests/{id}/follow-up")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String requireFollowUp(@PathVariable String id, @AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		custody.requireFollowUp(arrest.id(), user);
		return "redirect:/custody-testing/arrests/" + arrest.id() + "?done=followUp";
	}

	@GetMapping("/custody-testing/arrests/{id}/referral")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String referralForm(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		model.addAttribute(REFERRAL_FORM, new ReferralForm(null, custody.today().toString()));
		return referralForm(arrest, model, user);
	}

	@PostMapping("/custody-testing/arrests/{id}/referral")
	@Requires(capability = Capability.CUSTODY_TESTING, action = Action.WRITE)
	String refer(@PathVariable String id, @Validated @ModelAttribute(REFERRAL_FORM) ReferralForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var arrest = changeable(id, user);
		if (!result.hasErrors()) {
			try {
				custody.refer(arrest.id(), FormValues.text(form.team()), form.day(), user);
				return "redirect:/custody-testing/arrests/" + arrest.id() + "?done=referred";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return referralForm(arrest, model, user);
	}

	private void refuseUnlessRecorder(HarmwatchUser user) {
		if (!custody.mayRecord(user)) {
			throw new AccessDeniedException("No custody testing write for policing");
		}
	}

	private ArrestView changeable(String id, HarmwatchUser user) {
		refuseUnlessRecorder(user);
		var arrest = custody.arrest(FormValues.id(id, NOT_FOUND), user);
		if (!arrest.mayWrite()) {
			throw new AccessDeniedException("Only the owner's staff change it");
		}
		return arrest;
	}

	private static AssessmentView assessment(ArrestView arrest, String assessmentId) {
		var id = FormValues.id(assessmentId, "custodytesting.notFound.assessment");
		return arrest.assessments()
			.stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("custodytesting.notFound.assessment", id));
	}

	private Map<String, String> suites() {
		var suites = new LinkedHashMap<String, String>();
		for (CustodySuite suite : custody.suites()) {
			suites.put(suite.code(), suite.name());
		}
		return suites;
	}

	private String arrestForm(Model model) {
		FormErrorOrder.inPageOrder(model, ARREST_FORM);
		model.addAttribute("suites", suites());
		var offences = new LinkedHashMap<String, String>();
		var today = custody.today();
		for (var offence : custody.triggerOffences()) {
			if (offence.inEffectOn(today)) {
				offences.put(offence.code(), offence.title() + " (" + offence.legislation() + ")");
			}
		}
		model.addAttribute("offences", offences);
		model.addAttribute("bases", FormValues.options(TestBasis.values(), "custodytesting.basis."));
		model.addAttribute("outcomes", FormValues.options(TestOutcome.values(), "custodytesting.outcome."));
		model.addAttribute("results", FormValues.options(SubstanceResult.values(), "custodytesting.result."));
		return "custodytesting/arrestForm";
	}

	private String retestForm(ArrestView arrest, Model model) {
		FormErrorOrder.inPageOrder(model, TEST_FORM);
		model.addAttribute("arrest", arrest);
		var outcomes = FormValues.options(TestOutcome.values(), "custodytesting.outcome.");
		outcomes.remove(TestOutcome.NOT_TESTED.name());
		model.addAttribute("outcomes", outcomes);
		model.addAttribute("results", FormValues.options(SubstanceResult.values(), "custodytesting.result."));
		return "custodytesting/retestForm";
	}

	private String assessmentForm(ArrestView arrest, AssessmentView assessment, Model model) {
		FormErrorOrder.inPageOrder(model, ASSESSMENT_FORM);
		model.addAttribute("arrest", arrest);
		model.addAttribute("assessment", assessment);
		var statuses = FormValues.options(AssessmentStatus.values(), "custodytesting.update.");
		statuses.remove(AssessmentStatus.REQUIRED.name());
		model.addAttribute("statuses", statuses);
		model.addAttribute("consequences",
				FormValues.options(MissedConsequence.values(), "custodytesting.consequence."));
		model.addAttribute("zone", region.timeZone());
		return "custodytesting/assessmentForm";
	}

	private String referralForm(ArrestView arrest, Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, REFERRAL_FORM);
		model.addAttribute("arrest", arrest);
		model.addAttribute("teams", custody.teams(user));
		return "custodytesting/referralForm";
	}

}
