package org.harmwatch.naloxone.web;

import java.time.YearMonth;
import java.util.LinkedHashMap;

import org.harmwatch.naloxone.KitLedgerManagement;
import org.harmwatch.naloxone.PointsOfRiskManagement;
import org.harmwatch.naloxone.ReleasePoint;
import org.harmwatch.platform.FormErrorOrder;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
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
 * Points of risk: the share of people leaving each point with a kit, per holder and
 * region-wide, and recording how many people left.
 */
@Controller
@RequestMapping("/naloxone")
class NaloxonePointsController {

	private static final String LEAVERS_FORM = "leaversForm";

	private static final String POINTS_FORM = "pointsForm";

	private final PointsOfRiskManagement points;

	private final KitLedgerManagement ledger;

	NaloxonePointsController(PointsOfRiskManagement points, KitLedgerManagement ledger) {
		this.points = points;
		this.ledger = ledger;
	}

	@GetMapping("/points")
	@Requires(capability = Capability.NALOXONE, action = Action.READ)
	String points(@Validated @ModelAttribute(POINTS_FORM) PointsForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		var thisMonth = points.thisMonth();
		var from = form.from() == null ? thisMonth.minusMonths(11) : FormValues.month(form.from(), "from", result);
		YearMonth to = form.to() == null ? thisMonth : FormValues.month(form.to(), "to", result);
		if (!result.hasErrors() && from != null && to != null) {
			try {
				model.addAttribute("points", points.pointsOfRisk(user, from, to));
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		FormErrorOrder.inPageOrder(model, POINTS_FORM);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "naloxone/points";
	}

	@GetMapping("/leavers/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String newLeavers(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(LEAVERS_FORM, LeaversForm.of(points.thisMonth().minusMonths(1).toString()));
		return leaversForm(model, user);
	}

	@PostMapping("/leavers/new")
	@Requires(capability = Capability.NALOXONE, action = Action.WRITE)
	String recordLeavers(@Validated @ModelAttribute(LEAVERS_FORM) LeaversForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var holder = FormValues.id(form.holderId(), "holderId", result);
		var point = FormValues.choice(ReleasePoint.class, form.point(), "point", result);
		var month = FormValues.month(form.month(), "month", result);
		var people = FormValues.number(form.people(), "people", 0, PointsOfRiskManagement.MAX_LEAVERS, result);
		if (!result.hasErrors() && holder != null && point != null && month != null && people != null) {
			try {
				points.recordLeavers(user, holder, point, month, people);
				redirect.addFlashAttribute(NaloxoneController.NOTICE, "naloxone.leavers.recorded");
				return "redirect:/naloxone/points";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return leaversForm(model, user);
	}

	private String leaversForm(Model model, HarmwatchUser user) {
		FormErrorOrder.inPageOrder(model, LEAVERS_FORM);
		var holders = new LinkedHashMap<String, String>();
		ledger.holders(user, Action.WRITE).forEach(h -> holders.put(h.id().toString(), h.name()));
		model.addAttribute("holders", holders);
		model.addAttribute("releasePoints", FormValues.options(ReleasePoint.class, "naloxone.releasePoint."));
		return "naloxone/leaversForm";
	}

}
