package org.harmwatch.hatclinic.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

import org.harmwatch.hatclinic.AssessmentDraft;
import org.harmwatch.hatclinic.Criterion;
import org.harmwatch.hatclinic.Decision;
import org.harmwatch.hatclinic.EndReason;
import org.harmwatch.hatclinic.HatClinicManagement;
import org.harmwatch.hatclinic.HatReferralManagement;
import org.harmwatch.hatclinic.Housing;
import org.harmwatch.hatclinic.OutcomeDraft;
import org.harmwatch.hatclinic.PrescriptionDraft;
import org.harmwatch.hatclinic.ReferralDraft;
import org.harmwatch.hatclinic.ReferralSource;
import org.harmwatch.hatclinic.Route;
import org.harmwatch.hatclinic.Stage;
import org.harmwatch.hatclinic.TreatmentEndDraft;
import org.harmwatch.hatclinic.internal.HatPolicy;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's pages: who is in treatment and the open reviews, referrals and their
 * assessment, enrolment, a client's record, prescribing, outcome profiles and the end of
 * treatment.
 */
@Controller
@RequestMapping("/hat")
class HatClinicController {

	static final String NOTICE = "hatNotice";

	private static final String REFERRAL_FORM = "referralForm";

	private static final String ASSESSMENT_FORM = "assessmentForm";

	private static final String PRESCRIPTION_FORM = "prescriptionForm";

	private static final String OUTCOME_FORM = "outcomeForm";

	private static final String END_FORM = "treatmentEndForm";

	private final HatClinicManagement clinic;

	private final HatReferralManagement intake;

	HatClinicController(HatClinicManagement clinic, HatReferralManagement intake) {
		this.clinic = clinic;
		this.intake = intake;
	}

	@GetMapping
	@Requires(capability = Capability.HAT_CLINIC, action = Action.READ)
	String home(@RequestParam(required = false) @Nullable String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int number = 1;
		try {
			number = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			number = 1;
		}
		number = Math.max(1, Math.min(number, 10_000));
		model.addAttribute("patients", clinic.patients(user));
		model.addAttribute("reviews", clinic.openReviews(user));
		model.addAttribute("referrals", intake.referrals(number, user));
		long total = intake.referralCount(user);
		model.addAttribute("page", number);
		model.addAttribute("pages",
				Math.max(1, (total + HatReferralManagement.PAGE_SIZE - 1) / HatReferralManagement.PAGE_SIZE));
		model.addAttribute("mayRecord", HatPolicy.mayRecord(user));
		model.addAttribute("mayManage", HatPolicy.mayManage(user));
		return "hatclinic/home";
	}

	@GetMapping("/referrals/new")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String newReferral(Model model) {
		model.addAttribute(REFERRAL_FORM, new ReferralForm(null, null, null, clinic.today().toString(), null));
		return referralForm(model);
	}

	@PostMapping("/referrals")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String refer(@Validated @ModelAttribute(REFERRAL_FORM) ReferralForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var source = FormValues.choice(ReferralSource.class, form.source(), "source", result);
		var consentOn = FormValues.date(form.consentOn(), "consentOn", result);
		var referredOn = FormValues.date(form.referredOn(), "referredOn", result);
		if (!result.hasFieldErrors("consent") && !"true".equals(form.consent())) {
			result.rejectValue("consent", "hatclinic.referral.consent.required");
		}
		if (!result.hasErrors() && form.clientCode() != null && source != null && consentOn != null
				&& referredOn != null) {
			try {
				var id = intake.refer(
						new ReferralDraft(form.clientCode().toUpperCase(Locale.ROOT), source, consentOn, referredOn),
						user);
				redirect.addFlashAttribute(NOTICE, "hatclinic.referral.recorded");
				return "redirect:/hat/referrals/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return referralForm(model);
	}

	@GetMapping("/referrals/{id}")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.READ)
	String referral(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var uuid = uuid(id, "hatclinic.notFound.referral");
		model.addAttribute(ASSESSMENT_FORM, AssessmentForm.empty());
		return referralPage(uuid, model, user);
	}

	@PostMapping("/referrals/{id}/assessment")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String assess(@PathVariable String id, @Validated @ModelAttribute(ASSESSMENT_FORM) AssessmentForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var uuid = uuid(id, "hatclinic.notFound.referral");
		var years = FormValues.number(form.dependenceYears(), "dependenceYears", 0, 80, result);
		var episodes = FormValues.number(form.failedOralEpisodes(), "failedOralEpisodes", 0, 100, result);
		var age = FormValues.number(form.age(), "age", 10, 120, result);
		var decision = FormValues.choice(Decision.class, form.decision(), "decision", result);
		if (!result.hasFieldErrors("attendsTwiceDaily") && !"true".equals(form.attendsTwiceDaily())
				&& !"false".equals(form.attendsTwiceDaily())) {
			result.rejectValue("attendsTwiceDaily", "form.value.choose");
		}
		if (!result.hasErrors() && years != null && episodes != null && age != null && decision != null) {
			try {
				intake.assess(uuid, new AssessmentDraft(years, episodes, age, "true".equals(form.attendsTwiceDaily()),
						decision, form.reason()), user);
				redirect.addFlashAttribute(NOTICE, "hatclinic.assessment.recorded");
				return "redirect:/hat/referrals/" + uuid;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return referralPage(uuid, model, user);
	}

	@PostMapping("/referrals/{id}/enrol")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String enrol(@PathVariable String id, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var uuid = uuid(id, "hatclinic.notFound.referral");
		var enrolment = intake.enrol(uuid, user);
		redirect.addFlashAttribute(NOTICE, "hatclinic.enrol.done");
		return "redirect:/hat/patients/" + enrolment;
	}

	@GetMapping("/patients/{id}")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.READ)
	String patient(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute("patient", clinic.patient(uuid(id, "hatclinic.notFound.patient"), user));
		model.addAttribute("mayRecord", HatPolicy.mayRecord(user));
		model.addAttribute("mayManage", HatPolicy.mayManage(user));
		return "hatclinic/patient";
	}

	@GetMapping("/patients/{id}/prescriptions/new")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.MANAGE)
	String newPrescription(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		model.addAttribute(PRESCRIPTION_FORM,
				new PrescriptionForm(Route.INTRAVENOUS.name(), null, null, clinic.today().toString(), null));
		return prescriptionForm(patient.id(), patient.clientCode(), model);
	}

	@PostMapping("/patients/{id}/prescriptions")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.MANAGE)
	String prescribe(@PathVariable String id, @Validated @ModelAttribute(PRESCRIPTION_FORM) PrescriptionForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		var route = FormValues.choice(Route.class, form.route(), "route", result);
		var min = FormValues.number(form.minMg(), "minMg", 1, 1000, result);
		var max = FormValues.number(form.maxMg(), "maxMg", 1, 1000, result);
		var startsOn = FormValues.date(form.startsOn(), "startsOn", result);
		if (!result.hasErrors() && route != null && min != null && max != null && startsOn != null) {
			try {
				clinic.prescribe(patient.id(), new PrescriptionDraft(route, min, max, startsOn, form.titrationNote()),
						user);
				redirect.addFlashAttribute(NOTICE, "hatclinic.prescription.recorded");
				return "redirect:/hat/patients/" + patient.id();
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return prescriptionForm(patient.id(), patient.clientCode(), model);
	}

	@GetMapping("/patients/{id}/outcomes/new")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String newOutcome(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		model.addAttribute(OUTCOME_FORM, new OutcomeForm(null, clinic.today().toString(), null, null, null, null, null,
				null, null, null, null, null, null, null));
		return outcomeForm(patient.id(), patient.clientCode(), model);
	}

	@PostMapping("/patients/{id}/outcomes")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String recordOutcome(@PathVariable String id, @Validated @ModelAttribute(OUTCOME_FORM) OutcomeForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		var stage = FormValues.choice(Stage.class, form.stage(), "stage", result);
		var completedOn = FormValues.date(form.completedOn(), "completedOn", result);
		var heroin = FormValues.number(form.streetHeroinDays(), "streetHeroinDays", 0, 28, result);
		var crack = FormValues.number(form.crackDays(), "crackDays", 0, 28, result);
		var opiates = FormValues.number(form.otherOpiateDays(), "otherOpiateDays", 0, 28, result);
		var alcohol = FormValues.number(form.alcoholDays(), "alcoholDays", 0, 28, result);
		var cannabis = FormValues.number(form.cannabisDays(), "cannabisDays", 0, 28, result);
		var injecting = FormValues.number(form.injectingDays(), "injectingDays", 0, 28, result);
		var crimes = FormValues.number(form.crimes(), "crimes", 0, 10_000, result);
		var psychological = FormValues.number(form.psychologicalHealth(), "psychologicalHealth", 0, 20, result);
		var physical = FormValues.number(form.physicalHealth(), "physicalHealth", 0, 20, result);
		var quality = FormValues.number(form.qualityOfLife(), "qualityOfLife", 0, 20, result);
		var housing = FormValues.choice(Housing.class, form.housing(), "housing", result);
		var work = FormValues.number(form.workDays(), "workDays", 0, 28, result);
		if (!result.hasErrors() && stage != null && completedOn != null && heroin != null && crack != null
				&& opiates != null && alcohol != null && cannabis != null && injecting != null && crimes != null
				&& psychological != null && physical != null && quality != null && housing != null && work != null) {
			try {
				clinic.recordOutcome(patient.id(), new OutcomeDraft(stage, completedOn, heroin, crack, opiates, alcohol,
						cannabis, injecting, crimes, psychological, physical, quality, housing, work), user);
				redirect.addFlashAttribute(NOTICE, "hatclinic.outcome.recorded");
				return "redirect:/hat/patients/" + patient.id();
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return outcomeForm(patient.id(), patient.clientCode(), model);
	}

	@GetMapping("/patients/{id}/end")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String endForm(@PathVariable String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		model.addAttribute(END_FORM, new TreatmentEndForm(clinic.today().toString(), null, null));
		return endForm(patient.id(), patient.clientCode(), patient.endedOn() != null, model);
	}

	@PostMapping("/patients/{id}/end")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String endTreatment(@PathVariable String id, @Validated @ModelAttribute(END_FORM) TreatmentEndForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var patient = clinic.patient(uuid(id, "hatclinic.notFound.patient"), user);
		var endedOn = FormValues.date(form.endedOn(), "endedOn", result);
		var reason = FormValues.choice(EndReason.class, form.reason(), "reason", result);
		if (!result.hasErrors() && endedOn != null && reason != null) {
			try {
				clinic.endTreatment(patient.id(), new TreatmentEndDraft(endedOn, reason, form.note()), user);
				redirect.addFlashAttribute(NOTICE, "hatclinic.end.done");
				return "redirect:/hat/patients/" + patient.id();
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return endForm(patient.id(), patient.clientCode(), patient.endedOn() != null, model);
	}

	@PostMapping("/reviews/{id}/close")
	@Requires(capability = Capability.HAT_CLINIC, action = Action.WRITE)
	String closeReview(@PathVariable String id, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		clinic.closeReview(uuid(id, "hatclinic.notFound.review"), user);
		redirect.addFlashAttribute(NOTICE, "hatclinic.review.closed");
		return "redirect:/hat";
	}

	private String referralPage(UUID id, Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, ASSESSMENT_FORM);
		model.addAttribute("referral", intake.referral(id, user));
		model.addAttribute("mayRecord", HatPolicy.mayRecord(user));
		model.addAttribute("decisions", FormValues.options(Decision.class, "hatclinic.decision."));
		model.addAttribute("criteria", Criterion.values());
		model.addAttribute("thresholds", intake.criteriaThresholds());
		var yesNo = new LinkedHashMap<String, String>();
		yesNo.put("true", "hatclinic.yes");
		yesNo.put("false", "hatclinic.no");
		model.addAttribute("yesNo", yesNo);
		return "hatclinic/referral";
	}

	private String referralForm(Model model) {
		FormErrorOrder.inPageOrder(model, REFERRAL_FORM);
		model.addAttribute("sources", FormValues.options(ReferralSource.class, "hatclinic.source."));
		return "hatclinic/referralForm";
	}

	private String prescriptionForm(UUID patientId, String clientCode, Model model) {
		FormErrorOrder.inPageOrder(model, PRESCRIPTION_FORM);
		model.addAttribute("patientId", patientId);
		model.addAttribute("clientCode", clientCode);
		model.addAttribute("routes", FormValues.options(Route.class, "hatclinic.route."));
		return "hatclinic/prescriptionForm";
	}

	private String outcomeForm(UUID patientId, String clientCode, Model model) {
		FormErrorOrder.inPageOrder(model, OUTCOME_FORM);
		model.addAttribute("patientId", patientId);
		model.addAttribute("clientCode", clientCode);
		model.addAttribute("stages", FormValues.options(Stage.class, "hatclinic.stage."));
		model.addAttribute("housings", FormValues.options(Housing.class, "hatclinic.housing."));
		return "hatclinic/outcomeForm";
	}

	private String endForm(UUID patientId, String clientCode, boolean ended, Model model) {
		FormErrorOrder.inPageOrder(model, END_FORM);
		model.addAttribute("patientId", patientId);
		model.addAttribute("clientCode", clientCode);
		model.addAttribute("ended", ended);
		model.addAttribute("reasons", FormValues.options(EndReason.class, "hatclinic.endReason."));
		return "hatclinic/endForm";
	}

	static UUID uuid(String id, String notFoundCode) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException(notFoundCode, id);
		}
	}

}
