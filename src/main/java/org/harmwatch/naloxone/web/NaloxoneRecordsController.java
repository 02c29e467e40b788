package org.harmwatch.naloxone.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;

import org.harmwatch.naloxone.AdministrationDraft;
import org.harmwatch.naloxone.AdministrationOutcome;
import org.harmwatch.naloxone.FinderManagement;
import org.harmwatch.naloxone.KitLedgerManagement;
import org.harmwatch.naloxone.TraineeGroup;
import org.harmwatch.naloxone.TrainingDraft;
import org.harmwatch.naloxone.TrainingManagement;
import org.harmwatch.overdose.NaloxoneGiver;
import org.harmwatch.overdose.NaloxoneRoute;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.web.FormValues;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training and naloxone given at overdoses reported straight to the service, and the
 * programme's figures counted from them.
 */
@Controller
@RequestMapping("/naloxone")
class NaloxoneRecordsController {

	private static final String TRAINING_FORM = "trainingForm";

	private static final String ADMINISTRATION_FORM = "administrationForm";

	private static final String FIGURES_FORM = "figuresForm";

	private final TrainingManagement training;

	private final KitLedgerManagement ledger;

	private final FinderManagement finder;

	private final RegionSettings region;

	NaloxoneRecordsController(TrainingManagement training, KitLedgerManagement ledger, FinderManagement finder,
			RegionSettings region) {
		this.training = training;
		this.ledger = ledger;
		this.finder = finder;
		this.region = region;
	}

	@GetMapping("/training/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String newTraining(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(TRAINING_FORM, TrainingForm.of(ledger.today().toString()));
		return trainingForm(model, user);
	}

	@PostMapping("/training/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String recordTraining(@Validated @ModelAttribute(TRAINING_FORM) TrainingForm form, BindingResult result,
			Model model, @AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var trainedOn = FormValues.date(form.trainedOn(), "trainedOn", result);
		var group = FormValues.choice(TraineeGroup.class, form.group(), "group", result);
		var people = FormValues.number(form.people(), "people", 1, 10_000, result);
		var holder = FormValues.id(form.holderId(), "holderId", result);
		var refresher = FormValues.date(form.refresherDue(), "refresherDue", result);
		if (!result.hasErrors() && trainedOn != null && group != null && people != null && form.trainer() != null) {
			try {
				training.recordTraining(user,
						new TrainingDraft(trainedOn, form.trainer(), group, people, holder, refresher));
				redirect.addFlashAttribute(NaloxoneController.NOTICE, "naloxone.training.recorded");
				return "redirect:/naloxone";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return trainingForm(model, user);
	}

	@GetMapping("/administrations/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String newAdministration(Model model) {
		model.addAttribute(ADMINISTRATION_FORM, AdministrationForm.of(ledger.today().toString()));
		return administrationForm(model);
	}

	@PostMapping("/administrations/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String recordAdministration(@Validated @ModelAttribute(ADMINISTRATION_FORM) AdministrationForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var on = FormValues.date(form.givenOn(), "givenOn", result);
		var time = FormValues.time(form.givenTime(), "givenTime", result);
		var givenBy = FormValues.choice(NaloxoneGiver.class, form.givenBy(), "givenBy", result);
		var doses = FormValues.number(form.doses(), "doses", 1, 50, result);
		var route = FormValues.choice(NaloxoneRoute.class, form.route(), "route", result);
		var outcome = FormValues.choice(AdministrationOutcome.class, form.outcome(), "outcome", result);
		if (!result.hasErrors() && on != null && time != null && givenBy != null && doses != null && route != null
				&& outcome != null) {
			try {
				var givenAt = LocalDateTime.of(on, time).atZone(region.timeZone()).toInstant();
				training.recordAdministration(user,
						new AdministrationDraft(givenAt, givenBy, doses, route, outcome, form.ladCode()));
				redirect.addFlashAttribute(NaloxoneController.NOTICE, "naloxone.administration.recorded");
				return "redirect:/naloxone";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return administrationForm(model);
	}

	@GetMapping("/figures")
	@Requires(capability = Capability.NALOXONE, action = Action.READ)
	String figures(@Validated @ModelAttribute(FIGURES_FORM) FiguresForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var today = ledger.today();
		var from = form.from() == null ? today.minusYears(2).plusDays(1) : FormValues.date(form.from(), "from", result);
		LocalDate to = form.to() == null ? today : FormValues.date(form.to(), "to", result);
		var holder = FormValues.id(form.holder(), "holder", result);
		if (!result.hasErrors() && from != null && to != null) {
			try {
				model.addAttribute("figures", training.figures(user, from, to, holder));
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		FormErrorOrder.inPageOrder(model, FIGURES_FORM);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		var holders = new LinkedHashMap<String, String>();
		ledger.holders(user, Action.READ).forEach(h -> holders.put(h.id().toString(), h.name()));
		model.addAttribute("holders", holders);
		return "naloxone/figures";
	}

	private String trainingForm(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, TRAINING_FORM);
		model.addAttribute("groups", FormValues.options(TraineeGroup.class, "naloxone.traineeGroup."));
		var holders = new LinkedHashMap<String, String>();
		ledger.holders(user, Action.WRITE).forEach(h -> holders.put(h.id().toString(), h.name()));
		model.addAttribute("holders", holders);
		return "naloxone/trainingForm";
	}

	private String administrationForm(Model model) {
		FormErrorOrder.inPageOrder(model, ADMINISTRATION_FORM);
		model.addAttribute("givers", FormValues.options(NaloxoneGiver.class, "naloxone.giver."));
		model.addAttribute("routes", FormValues.options(NaloxoneRoute.class, "naloxone.route."));
		model.addAttribute("outcomes", FormValues.options(AdministrationOutcome.class, "naloxone.outcome."));
		model.addAttribute("districts", finder.districts());
		return "naloxone/administrationForm";
	}

}
