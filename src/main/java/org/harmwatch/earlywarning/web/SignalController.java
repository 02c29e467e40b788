package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signals for the coordinator and panel: a filtered list, and each signal with its
 * evidence side by side; the coordinator validates or dismisses.
 */
@Controller
class SignalController {

	private final EarlyWarningManagement earlyWarning;

	private final Clock clock;

	private final ZoneId zone;

	SignalController(EarlyWarningManagement earlyWarning, Clock clock, RegionSettings region) {
		this.earlyWarning = earlyWarning;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/early-warning/signals")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String urgency, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var chosenStatus = pick(SignalStatus.class, status);
		var chosenUrgency = pick(Urgency.class, urgency);
		model.addAttribute("result", earlyWarning.signals(chosenStatus, chosenUrgency, page));
		model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
		model.addAttribute("urgency", chosenUrgency == null ? "" : chosenUrgency.name());
		model.addAttribute("statuses", SignalStatus.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("zone", zone);
		return "earlywarning/signalList";
	}

	@GetMapping("/early-warning/signals/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, Authentication authentication, Model model) {
		return details(model, id, authentication, List.of(), "");
	}

	@PostMapping("/early-warning/signals/{id}/decision")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String reason, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var chosen = pick(SignalStatus.class, outcome);
		earlyWarning.signal(id);
		try {
			if (chosen == null) {
				throw new EarlyWarningManagement.SignalDecisionException("outcome", "Choose validate or dismiss.");
			}
			earlyWarning.decide(id, chosen, reason, authentication.getName(), clock.instant());
			redirect.addFlashAttribute("decided", chosen.name());
			return "redirect:/early-warning/signals/" + id;
		}
		catch (EarlyWarningManagement.SignalDecisionException ex) {
			response.setStatus(422);
			return details(model, id, authentication, List.of(new ReportProblem(ex.field(), ex.getMessage())), reason);
		}
	}

	private String details(Model model, UUID id, Authentication authentication, List<ReportProblem> problems,
			String reason) {
		model.addAttribute("signal", earlyWarning.signal(id));
		model.addAttribute("evidence", earlyWarning.evidence(id));
		model.addAttribute("canManage",
				authentication.getAuthorities()
					.stream()
					.anyMatch(a -> "EARLY_WARNING:MANAGE".equals(a.getAuthority())));
		model.addAttribute("problems", problems);
		model.addAttribute("reason", reason);
		model.addAttribute("zone", zone);
		return "earlywarning/signalDetails";
	}

	static <E extends Enum<E>> @Nullable E pick(Class<E> type, @Nullable String value) {
		if (value == null) {
			return null;
		}
		for (var constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}

}
