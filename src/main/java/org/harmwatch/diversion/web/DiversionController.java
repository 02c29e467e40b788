package org.harmwatch.diversion.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.diversion.AgeBand;
import org.harmwatch.diversion.Arm;
import org.harmwatch.diversion.CaseFile;
import org.harmwatch.diversion.ConditionKind;
import org.harmwatch.diversion.ConditionStatus;
import org.harmwatch.diversion.DiversionManagement;
import org.harmwatch.diversion.DiversionOutcomeManagement;
import org.harmwatch.diversion.DiversionSchemeManagement;
import org.harmwatch.diversion.Ethnicity;
import org.harmwatch.diversion.Exclusion;
import org.harmwatch.diversion.LegalBasis;
import org.harmwatch.diversion.OffenceGroup;
import org.harmwatch.diversion.ProsecutionDecision;
import org.harmwatch.diversion.Sex;
import org.harmwatch.diversion.internal.DiversionPolicy;
import org.harmwatch.geography.AreaLevel;
import org.harmwatch.geography.GeographyManagement;
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
 * The navigator's pages: the caseload and referrals, schemes with their rules and
 * allocation list, referring a person (eligibility with every rule shown), and the case
 * page where allocation, the contract, sessions, breaches, the prosecution decision,
 * completion and outcomes are recorded.
 */
@Controller
class DiversionController {

	private final DiversionManagement diversion;

	private final DiversionSchemeManagement schemes;

	private final DiversionOutcomeManagement outcomes;

	private final GeographyManagement geography;

	private final RegionSettings region;

	DiversionController(DiversionManagement diversion, DiversionSchemeManagement schemes,
			DiversionOutcomeManagement outcomes, GeographyManagement geography, RegionSettings region) {
		this.diversion = diversion;
		this.schemes = schemes;
		this.outcomes = outcomes;
		this.geography = geography;
		this.region = region;
	}

	@GetMapping("/diversion")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	String home(@RequestParam(required = false) @Nullable String scheme,
			@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var schemeId = Fields.id(scheme);
		int number = 1;
		var text = Fields.text(page);
		if (text != null && text.length() < 7 && text.chars().allMatch(Character::isDigit)) {
			number = Integer.parseInt(text);
		}
		model.addAttribute("cases", diversion.referrals(schemeId, number, user));
		model.addAttribute("caseload", diversion.caseload(user));
		model.addAttribute("schemes", schemes.schemes(user));
		model.addAttribute("schemeId", schemeId);
		model.addAttribute("mayWork", DiversionPolicy.mayWork(user));
		return "diversion/home";
	}

	@GetMapping("/diversion/schemes/new")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String schemeForm(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		mustWork(user);
		model.addAttribute("schemeForm", SchemeForm.checkpointLike());
		return schemeForm(model);
	}

	@PostMapping("/diversion/schemes")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String createScheme(@Validated @ModelAttribute("schemeForm") SchemeForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		mustWork(user);
		try {
			var draft = form.draft();
			if (!result.hasErrors()) {
				var scheme = schemes.createScheme(draft, user);
				return "redirect:/diversion/schemes/" + scheme.id() + "?created";
			}
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return schemeForm(model);
	}

	private String schemeForm(Model model) {
		FormErrorOrder.inPageOrder(model, "schemeForm");
		model.addAttribute("districts", districts());
		model.addAttribute("groups", Fields.options(OffenceGroup.values(), "diversion.offenceGroup."));
		model.addAttribute("exclusionOptions", Fields.options(Exclusion.values(), "diversion.exclusion."));
		model.addAttribute("yesNo", Fields.yesNoOptions());
		return "diversion/schemeForm";
	}

	@GetMapping("/diversion/schemes/{id}")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	String scheme(@PathVariable String id, @RequestParam(required = false) @Nullable String created, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var uuid = Fields.id(id);
		if (uuid == null) {
			throw new NotFoundException("diversion.notFound.scheme", id);
		}
		var scheme = schemes.scheme(uuid, user);
		model.addAttribute("scheme", scheme);
		model.addAttribute("allocations", schemes.allocationList(uuid, user));
		model.addAttribute("districtName",
				geography.area(scheme.districtCode()).map(a -> a.name()).orElse(scheme.districtCode()));
		model.addAttribute("justCreated", created != null);
		model.addAttribute("mayWork", DiversionPolicy.mayWork(user, scheme.ownerAgency()));
		return "diversion/scheme";
	}

	@GetMapping("/diversion/referrals/new")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String referralForm(@RequestParam(required = false) @Nullable String scheme, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		mustWork(user);
		model.addAttribute("referralForm", ReferralForm.empty(Fields.id(scheme) == null ? null : scheme,
				LocalDate.now(region.timeZone()).toString()));
		return referralForm(model, user);
	}

	@PostMapping("/diversion/referrals")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String refer(@Validated @ModelAttribute("referralForm") ReferralForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		mustWork(user);
		try {
			var draft = form.draft();
			if (!result.hasErrors()) {
				var referral = diversion.refer(draft, user);
				return "redirect:/diversion/referrals/" + referral.id() + "?referred";
			}
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return referralForm(model, user);
	}

	private String referralForm(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, "referralForm");
		var options = new LinkedHashMap<String, String>();
		schemes.schemes(user)
			.stream()
			.filter(s -> s.ownerAgency().equals(user.agencyCode()))
			.forEach(s -> options.put(s.id().toString(), s.name()));
		model.addAttribute("schemeOptions", options);
		model.addAttribute("groups", Fields.options(OffenceGroup.values(), "diversion.offenceGroup."));
		model.addAttribute("exclusionOptions", Fields.options(Exclusion.values(), "diversion.exclusion."));
		model.addAttribute("ageBands", Fields.options(AgeBand.values(), "diversion.ageBand."));
		model.addAttribute("sexes", Fields.options(Sex.values(), "diversion.sex."));
		model.addAttribute("ethnicities", Fields.options(Ethnicity.values(), "diversion.ethnicity."));
		model.addAttribute("yesNo", Fields.yesNoOptions());
		return "diversion/referralForm";
	}

	@GetMapping("/diversion/referrals/{id}")
	@Requires(capability = Capability.DIVERSION, action = Action.READ)
	String referral(@PathVariable String id, @RequestParam(required = false) @Nullable String done, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("done", done == null || done.length() > 40 ? null : done);
		return casePage(uuid(id), model, user, null);
	}

	@PostMapping("/diversion/referrals/{id}/allocation")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String allocate(@PathVariable String id, @ModelAttribute("allocationForm") CaseForms.AllocationForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var arm = Fields.choice(Arm.class, form.allocationArm(), "allocationArm", problems, false);
		return act(referral, "allocationForm", result, model, user, problems, "allocated",
				() -> diversion.allocate(referral, arm, form.allocationReason(), user),
				Map.of("arm", "allocationArm", "reason", "allocationReason"));
	}

	@PostMapping("/diversion/referrals/{id}/contract")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String contract(@PathVariable String id, @ModelAttribute("contractForm") CaseForms.ContractForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var starts = Fields.date(form.contractStartsOn(), "contractStartsOn", problems);
		var months = Fields.number(form.contractMonths(), 1, 4, "contractMonths", "diversion.number.range", problems);
		var conditions = Fields.choices(ConditionKind.class, form.contractConditions(), "contractConditions", problems);
		return act(referral, "contractForm", result, model, user, problems, "contract",
				() -> diversion.startContract(referral, starts, months, conditions, user),
				Map.of("startsOn", "contractStartsOn", "months", "contractMonths", "conditions", "contractConditions"));
	}

	@PostMapping("/diversion/referrals/{id}/links")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String link(@PathVariable String id, @ModelAttribute("linkForm") CaseForms.LinkForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var basis = Fields.choice(LegalBasis.class, form.linkBasis(), "linkBasis", problems, true);
		var condition = conditionId(form.linkConditionId(), problems, "linkBasis");
		return act(referral, "linkForm", result, model, user, problems, "link",
				() -> diversion.createLink(referral, condition, basis, user), Map.of());
	}

	@PostMapping("/diversion/referrals/{id}/sessions")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String session(@PathVariable String id, @ModelAttribute("sessionForm") CaseForms.SessionForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var on = Fields.date(form.sessionOn(), "sessionOn", problems);
		var attended = Fields.yesNo(form.sessionAttended(), "sessionAttended", problems);
		return act(referral, "sessionForm", result, model, user, problems, "session",
				() -> diversion.recordSession(referral, on, attended, user), Map.of("heldOn", "sessionOn"));
	}

	@PostMapping("/diversion/referrals/{id}/conditions")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String condition(@PathVariable String id, @ModelAttribute("conditionForm") CaseForms.ConditionForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var condition = conditionId(form.conditionId(), problems, "conditionId");
		var outcome = Fields.choice(ConditionStatus.class, form.conditionOutcome(), "conditionOutcome", problems, true);
		if (outcome == ConditionStatus.PENDING) {
			problems.add(FieldProblem.of("conditionOutcome", "diversion.choice.invalid"));
		}
		var on = Fields.date(form.conditionOn(), "conditionOn", problems);
		return act(referral, "conditionForm", result, model, user, problems,
				outcome == ConditionStatus.BREACHED ? "breach" : "met", () -> {
					if (outcome == ConditionStatus.BREACHED) {
						diversion.recordBreach(referral, condition, on,
								form.breachWhat() == null ? "" : form.breachWhat(), user);
					}
					else {
						diversion.conditionMet(referral, condition, on, user);
					}
				}, Map.of("on", "conditionOn", "what", "breachWhat"));
	}

	@PostMapping("/diversion/referrals/{id}/decisions")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String decide(@PathVariable String id, @ModelAttribute("decisionForm") CaseForms.DecisionForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var decision = Fields.choice(ProsecutionDecision.class, form.decision(), "decision", problems, true);
		var breach = Fields.id(form.breachId());
		if (breach == null) {
			problems.add(FieldProblem.global("diversion.decision.breach.unknown"));
		}
		return act(referral, "decisionForm", result, model, user, problems, "decision",
				() -> diversion.decide(referral, breach, decision,
						form.decisionReason() == null ? "" : form.decisionReason(), user),
				Map.of("reason", "decisionReason"));
	}

	@PostMapping("/diversion/referrals/{id}/completion")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String complete(@PathVariable String id, @ModelAttribute("completionForm") CaseForms.CompletionForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var on = Fields.date(form.completedOn(), "completedOn", problems);
		return act(referral, "completionForm", result, model, user, problems, "completed",
				() -> diversion.complete(referral, on, user), Map.of("on", "completedOn"));
	}

	@PostMapping("/diversion/referrals/{id}/outcomes")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String outcome(@PathVariable String id, @ModelAttribute("outcomeForm") CaseForms.OutcomeForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var window = Fields.number(form.outcomeWindow(), 12, 24, "outcomeWindow", "diversion.outcome.window.choice",
				problems);
		var rearrested = Fields.yesNo(form.outcomeRearrested(), "outcomeRearrested", problems);
		var reconvicted = Fields.yesNo(form.outcomeReconvicted(), "outcomeReconvicted", problems);
		return act(referral, "outcomeForm", result, model, user, problems, "outcome",
				() -> outcomes.recordOutcome(referral, window, rearrested, reconvicted, user),
				Map.of("window", "outcomeWindow"));
	}

	@PostMapping("/diversion/referrals/{id}/survey")
	@Requires(capability = Capability.DIVERSION, action = Action.WRITE)
	String survey(@PathVariable String id, @ModelAttribute("surveyForm") CaseForms.SurveyForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var referral = uuid(id);
		var problems = new ArrayList<FieldProblem>();
		var satisfaction = Fields.number(form.satisfaction(), 1, 5, "satisfaction", "diversion.survey.range", problems);
		return act(referral, "surveyForm", result, model, user, problems, "survey",
				() -> outcomes.recordSurvey(referral, satisfaction, user), Map.of());
	}

	/**
	 * Runs an action of the case page: problems reading the form, or the management's
	 * refusal, draw the page again with the form's errors (fields renamed to the form's
	 * own); else back to the case.
	 */
	private String act(UUID referral, String formName, BindingResult result, Model model, HarmwatchUser user,
			List<FieldProblem> problems, String done, Runnable action, Map<String, String> fieldNames) {
		mustWork(user);
		try {
			if (!problems.isEmpty()) {
				throw new InputRejectedException(problems);
			}
			action.run();
			return "redirect:/diversion/referrals/" + referral + "?done=" + done;
		}
		catch (InputRejectedException ex) {
			var renamed = ex.problems()
				.stream()
				.map(p -> p.field() == null ? p
						: new FieldProblem(fieldNames.getOrDefault(p.field(), p.field()), p.code(), p.arguments()))
				.toList();
			new InputRejectedException(renamed).addTo(result);
		}
		return casePage(referral, model, user, formName);
	}

	private String casePage(UUID id, Model model, HarmwatchUser user, @Nullable String failedForm) {
		CaseFile file = diversion.caseFile(id, user);
		model.addAttribute("file", file);
		model.addAttribute("mayWork", DiversionPolicy.mayWork(user, file.referral().ownerAgency()));
		model.addAttribute("failedForm", failedForm);
		for (var form : CaseForms.empty()) {
			if (!model.containsAttribute((String) form[0])) {
				model.addAttribute((String) form[0], form[1]);
			}
		}
		if (failedForm != null) {
			FormErrorOrder.inPageOrder(model, failedForm);
		}
		var today = LocalDate.now(region.timeZone());
		model.addAttribute("today", today);
		model.addAttribute("arms", Fields.options(Arm.values(), "diversion.arm."));
		model.addAttribute("conditionKinds", Fields.options(ConditionKind.values(), "diversion.condition."));
		model.addAttribute("bases", Fields.options(LegalBasis.values(), "diversion.legalBasis."));
		model.addAttribute("yesNo", Fields.yesNoOptions());
		var outcomes = new LinkedHashMap<String, String>();
		outcomes.put("MET", "diversion.conditionStatus.MET");
		outcomes.put("BREACHED", "diversion.conditionStatus.BREACHED");
		model.addAttribute("conditionOutcomes", outcomes);
		model.addAttribute("decisions", Fields.options(ProsecutionDecision.values(), "diversion.decision."));
		var windows = new LinkedHashMap<String, String>();
		windows.put("12", "diversion.window.12");
		windows.put("24", "diversion.window.24");
		model.addAttribute("windows", windows);
		var scores = new LinkedHashMap<String, String>();
		for (int i = 1; i <= 5; i++) {
			scores.put(Integer.toString(i), "diversion.satisfaction." + i);
		}
		model.addAttribute("scores", scores);
		var conditions = new LinkedHashMap<String, String>();
		if (file.contract() != null) {
			file.contract()
				.conditions()
				.forEach(c -> conditions.put(c.id().toString(), "diversion.condition." + c.kind().name()));
		}
		model.addAttribute("conditionOptions", conditions);
		return "diversion/case";
	}

	private static UUID conditionId(@Nullable String value, List<FieldProblem> problems, String field) {
		var id = Fields.id(value);
		if (id == null) {
			problems.add(FieldProblem.of(field, "diversion.condition.required"));
			return new UUID(0, 0);
		}
		return id;
	}

	private static UUID uuid(String id) {
		var uuid = Fields.id(id);
		if (uuid == null) {
			throw new NotFoundException("diversion.notFound.case", id);
		}
		return uuid;
	}

	private static void mustWork(HarmwatchUser user) {
		if (!DiversionPolicy.mayWork(user)) {
			throw new AccessDeniedException("Diversion is worked on by police staff");
		}
	}

	private Map<String, String> districts() {
		var districts = new LinkedHashMap<String, String>();
		geography.areas(AreaLevel.LAD).forEach(area -> districts.put(area.code(), area.name()));
		return districts;
	}

}
