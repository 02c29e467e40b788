package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PotentialHarm;
import org.harmwatch.earlywarning.internal.Signal;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert panel's pages: a member's queue of signals waiting for grades, the grade
 * form (phone-first), a signal's round of grading with the coordinator's outcome form,
 * and the corroboration beside a signal.
 */
@Controller
class PanelController {

	private static final String GRADE = "gradeForm";

	private static final String OUTCOME = "outcomeForm";

	private final EarlyWarningManagement earlyWarning;

	private final PanelManagement panel;

	private final Clock clock;

	private final ZoneId zone;

	PanelController(EarlyWarningManagement earlyWarning, PanelManagement panel, Clock clock, RegionSettings region) {
		this.earlyWarning = earlyWarning;
		this.panel = panel;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/early-warning/panel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String queue(@AuthenticationPrincipal HarmwatchUser user, Model model) {
		var rounds = panel.queue(clock.instant());
		model.addAttribute("waiting", rounds.stream().filter(r -> r.gradeOf(user.getUsername()).isEmpty()).toList());
		model.addAttribute("graded", rounds.stream().filter(r -> r.gradeOf(user.getUsername()).isPresent()).toList());
		model.addAttribute("zone", zone);
		return "earlywarning/panelQueue";
	}

	@GetMapping("/early-warning/signals/{id}/corroboration")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String corroboration(@PathVariable UUID id, Model model) {
		model.addAttribute("signal", earlyWarning.signal(id));
		model.addAttribute("corroboration", panel.corroboration(id, clock.instant()));
		model.addAttribute("zone", zone);
		return "earlywarning/corroboration";
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/signals/{id}/panel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String round(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		var round = panel.round(id, clock.instant());
		model.addAttribute(OUTCOME, new OutcomeForm(
				round.map(r -> r.defaultOutcome() == null ? "" : r.defaultOutcome().name()).orElse(""), ""));
		return round(model, id, user);
	}

	@PostMapping("/early-warning/signals/{id}/outcome")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String recordOutcome(@PathVariable UUID id, @Validated @ModelAttribute(OUTCOME) OutcomeForm form,
			BindingResult result, @AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		earlyWarning.signal(id);
		try {
			panel.recordOutcome(id, form.chosen(), form.rationale(), user.getUsername(), clock.instant());
			redirect.addFlashAttribute("recorded", true);
			return "redirect:/early-warning/signals/" + id + "/panel";
		}
		catch (InputRejectedException ex) {
			conflict(ex, response);
			ex.addTo(result);
		}
		return round(model, id, user);
	}

	private String round(Model model, UUID id, HarmwatchUser user) {
		var signal = earlyWarning.signal(id);
		var round = panel.round(id, clock.instant());
		model.addAttribute("signal", signal);
		model.addAttribute("round", round.orElse(null));
		model.addAttribute("canManage", has(user, "EARLY_WARNING:MANAGE"));
		model.addAttribute("canGrade", has(user, "EARLY_WARNING:APPROVE"));
		model.addAttribute("me", user.getUsername());
		model.addAttribute("outcomes", outcomeOptions());
		model.addAttribute("zone", zone);
		return "earlywarning/panelRound";
	}

	private static Map<String, String> outcomeOptions() {
		var options = new LinkedHashMap<String, String>();
		for (var outcome : PanelOutcome.values()) {
			options.put(outcome.name(), "earlywarning.panel.outcome." + outcome.name());
		}
		return options;
	}

	/**
	 * A signal not open for grading is a conflict (409), not a mistake in the form; the
	 * page shows why.
	 */
	private static void conflict(InputRejectedException ex, HttpServletResponse response) {
		if (ex instanceof Signal.NotOpen) {
			response.setStatus(HttpStatus.CONFLICT.value());
		}
	}

	@GetMapping("/early-warning/signals/{id}/grade")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String gradeForm(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		var mine = panel.grades(id).stream().filter(g -> g.username().equals(user.getUsername())).findFirst();
		model.addAttribute(GRADE, GradeForm.of(mine.orElse(null)));
		return gradeForm(model, id, mine.isPresent());
	}

	@PostMapping("/early-warning/signals/{id}/grade")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String grade(@PathVariable UUID id, @Validated @ModelAttribute(GRADE) GradeForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		earlyWarning.signal(id);
		try {
			panel.grade(id, form.chosenStrength(), form.chosenHarm(), form.chosenRecommendation(), form.rationale(),
					user.getUsername(), user.displayName(), clock.instant());
			redirect.addFlashAttribute("gradedSignal", id);
			return "redirect:/early-warning/panel";
		}
		catch (InputRejectedException ex) {
			conflict(ex, response);
			ex.addTo(result);
		}
		return gradeForm(model, id, false);
	}

	private String gradeForm(Model model, UUID id, boolean regrading) {
		var round = panel.round(id, clock.instant());
		var form = (GradeForm) model.getAttribute(GRADE);
		model.addAttribute("signal", earlyWarning.signal(id));
		model.addAttribute("round", round.orElse(null));
		model.addAttribute("evidence", earlyWarning.evidence(id));
		model.addAttribute("strengths", EvidenceStrength.values());
		model.addAttribute("harms", PotentialHarm.values());
		model.addAttribute("outcomes", PanelOutcome.values());
		model.addAttribute("matrix", PanelManagement.matrix());
		var chosenStrength = form == null ? null : form.chosenStrength();
		var chosenHarm = form == null ? null : form.chosenHarm();
		model.addAttribute("suggestion", chosenStrength == null || chosenHarm == null ? null
				: PanelManagement.suggest(chosenStrength, chosenHarm));
		model.addAttribute("regrading", regrading);
		model.addAttribute("zone", zone);
		return "earlywarning/gradeForm";
	}

	private static boolean has(HarmwatchUser user, String authority) {
		return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

}
