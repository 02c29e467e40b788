package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.EvidenceStrength;
import org.harmwatch.earlywarning.PanelManagement;
import org.harmwatch.earlywarning.PanelOutcome;
import org.harmwatch.earlywarning.PanelRejectedException;
import org.harmwatch.earlywarning.PotentialHarm;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.harmwatch.earlywarning.web.SignalController.pick;

/**
 * The expert panel's pages: a member's queue of signals waiting for grades, the grade
 * form (phone-first), a signal's round of grading with the coordinator's outcome form,
 * and the corroboration beside a signal.
 */
@Controller
class PanelController {

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

	@GetMapping("/early-warning/signals/{id}/panel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String round(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		return round(model, id, user, List.of(), null, "");
	}

	@PostMapping("/early-warning/signals/{id}/outcome")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String recordOutcome(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String rationale, @AuthenticationPrincipal HarmwatchUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		earlyWarning.signal(id);
		var chosen = pick(PanelOutcome.class, outcome);
		try {
			panel.recordOutcome(id, chosen, rationale, user.getUsername(), clock.instant());
			redirect.addFlashAttribute("recorded", true);
			return "redirect:/early-warning/signals/" + id + "/panel";
		}
		catch (PanelRejectedException ex) {
			response.setStatus(ex.conflict() ? 409 : 422);
			return round(model, id, user, ex.problems(), chosen, rationale);
		}
	}

	private String round(Model model, UUID id, HarmwatchUser user, List<ReportProblem> problems, PanelOutcome outcome,
			String rationale) {
		var signal = earlyWarning.signal(id);
		var round = panel.round(id, clock.instant());
		model.addAttribute("signal", signal);
		model.addAttribute("round", round.orElse(null));
		model.addAttribute("canManage", has(user, "EARLY_WARNING:MANAGE"));
		model.addAttribute("canGrade", has(user, "EARLY_WARNING:APPROVE"));
		model.addAttribute("me", user.getUsername());
		model.addAttribute("problems", problems);
		model.addAttribute("outcomes", PanelOutcome.values());
		model.addAttribute("chosenOutcome", outcome != null ? outcome.name()
				: round.map(r -> r.defaultOutcome() == null ? "" : r.defaultOutcome().name()).orElse(""));
		model.addAttribute("rationale", rationale);
		model.addAttribute("zone", zone);
		return "earlywarning/panelRound";
	}

	@GetMapping("/early-warning/signals/{id}/grade")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String gradeForm(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		var mine = panel.grades(id).stream().filter(g -> g.username().equals(user.getUsername())).findFirst();
		return gradeForm(model, id, List.of(), mine.map(g -> g.strength().name()).orElse(""),
				mine.map(g -> g.harm().name()).orElse(""), mine.map(g -> g.recommendation().name()).orElse(""),
				mine.map(g -> g.rationale()).orElse(""), mine.isPresent());
	}

	@PostMapping("/early-warning/signals/{id}/grade")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String grade(@PathVariable UUID id, @RequestParam(defaultValue = "") String strength,
			@RequestParam(defaultValue = "") String harm, @RequestParam(defaultValue = "") String recommendation,
			@RequestParam(defaultValue = "") String rationale, @AuthenticationPrincipal HarmwatchUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		earlyWarning.signal(id);
		try {
			panel.grade(id, pick(EvidenceStrength.class, strength), pick(PotentialHarm.class, harm),
					pick(PanelOutcome.class, recommendation), rationale, user.getUsername(), user.displayName(),
					clock.instant());
			redirect.addFlashAttribute("gradedSignal", id);
			return "redirect:/early-warning/panel";
		}
		catch (PanelRejectedException ex) {
			response.setStatus(ex.conflict() ? 409 : 422);
			return gradeForm(model, id, ex.problems(), strength, harm, recommendation, rationale, false);
		}
	}

	private String gradeForm(Model model, UUID id, List<ReportProblem> problems, String strength, String harm,
			String recommendation, String rationale, boolean regrading) {
		var round = panel.round(id, clock.instant());
		model.addAttribute("signal", earlyWarning.signal(id));
		model.addAttribute("round", round.orElse(null));
		model.addAttribute("evidence", earlyWarning.evidence(id));
		model.addAttribute("problems", problems);
		model.addAttribute("strengths", EvidenceStrength.values());
		model.addAttribute("harms", PotentialHarm.values());
		model.addAttribute("outcomes", PanelOutcome.values());
		model.addAttribute("matrix", PanelManagement.matrix());
		var chosenStrength = pick(EvidenceStrength.class, strength);
		var chosenHarm = pick(PotentialHarm.class, harm);
		model.addAttribute("suggestion", chosenStrength == null || chosenHarm == null ? null
				: PanelManagement.suggest(chosenStrength, chosenHarm));
		model.addAttribute("strength", strength);
		model.addAttribute("harm", harm);
		model.addAttribute("recommendation", recommendation);
		model.addAttribute("rationale", rationale);
		model.addAttribute("regrading", regrading);
		model.addAttribute("zone", zone);
		return "earlywarning/gradeForm";
	}

	private static boolean has(HarmwatchUser user, String authority) {
		return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

}
