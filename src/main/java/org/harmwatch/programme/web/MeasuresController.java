package org.harmwatch.programme.web;

import java.time.Clock;
import java.util.List;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.Requires;
import org.harmwatch.programme.MeasuresManagement;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's measures dashboard: backlog, speed from first report to alert, alerts
 * by level, delivery, acknowledgement and feedback, as charts with their tables (at the
 * early-warning address it always had).
 */
@Controller
class MeasuresController {

	/** The periods offered, in days. */
	static final List<Integer> PERIODS = List.of(30, 90, 365);

	private final MeasuresManagement measures;

	private final Clock clock;

	MeasuresController(MeasuresManagement measures, Clock clock) {
		this.measures = measures;
		this.clock = clock;
	}

	@GetMapping("/early-warning/measures")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String measures(@RequestParam(defaultValue = "90") int days, Model model) {
		var period = PERIODS.contains(days) ? days : 90;
		model.addAttribute("m", measures.measures(period, clock.instant()));
		model.addAttribute("periods", PERIODS);
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("levels", AlertLevel.values());
		return "programme/measures";
	}

}
