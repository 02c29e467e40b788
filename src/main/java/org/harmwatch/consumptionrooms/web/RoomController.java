package org.harmwatch.consumptionrooms.web;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.UUID;

import org.harmwatch.consumptionrooms.ConsumptionRoute;
import org.harmwatch.consumptionrooms.HousingStatus;
import org.harmwatch.consumptionrooms.OtherwisePlace;
import org.harmwatch.consumptionrooms.ReferralKind;
import org.harmwatch.consumptionrooms.ReferralOutcome;
import org.harmwatch.consumptionrooms.RoomManagement;
import org.harmwatch.consumptionrooms.RoomOverdoseDraft;
import org.harmwatch.consumptionrooms.RoomOverdoseOutcome;
import org.harmwatch.consumptionrooms.VisitDraft;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
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
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consumption room's pages for its staff: visits (list, new, one with its overdoses
 * and referrals) and the service's report.
 */
@Controller
class RoomController {

	static final String NOTICE = "notice";

	private static final String VISIT_FORM = "visitForm";

	private static final String OVERDOSE_FORM = "overdoseForm";

	private static final String REFERRAL_FORM = "referralForm";

	private final RoomManagement rooms;

	private final ZoneId zone;

	RoomController(RoomManagement rooms, RegionSettings region) {
		this.rooms = rooms;
		this.zone = region.timeZone();
	}

	@InitBinder({ VISIT_FORM, OVERDOSE_FORM, REFERRAL_FORM })
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/rooms")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	String visits(@RequestParam(name = "client", required = false) String client,
			@RequestParam(name = "page", required = false) String page, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int number = page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 1;
		var code = client == null || client.isBlank() || client.length() > 30 ? null : client.strip();
		model.addAttribute("visits", rooms.visits(code, number, user));
		model.addAttribute("client", code == null ? "" : code);
		model.addAttribute("zone", zone);
		return "consumptionrooms/visits";
	}

	@GetMapping("/rooms/visits/new")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String newVisit(Model model, @AuthenticationPrincipal HarmwatchUser user) {
		var sites = rooms.sites(user);
		model.addAttribute(VISIT_FORM, VisitForm.of(sites.size() == 1 ? sites.getFirst().id().toString() : null,
				rooms.today().toString(), now()));
		return visitForm(model, user);
	}

	@PostMapping("/rooms/visits")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String recordVisit(@Validated @ModelAttribute(VISIT_FORM) VisitForm form, BindingResult result, Model model,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var site = FormValues.id(form.siteId(), "siteId", result);
		var date = FormValues.date(form.date(), "date", result);
		var timeIn = FormValues.time(form.timeIn(), "timeIn", result);
		var timeOut = form.timeOut() == null ? null : FormValues.time(form.timeOut(), "timeOut", result);
		var route = FormValues.choice(ConsumptionRoute.class, form.route(), "route", result);
		var otherwise = FormValues.choice(OtherwisePlace.class, form.otherwise(), "otherwise", result);
		var housing = FormValues.choice(HousingStatus.class, form.housing(), "housing", result);
		if (!result.hasErrors() && site != null && date != null && timeIn != null && route != null && otherwise != null
				&& housing != null && form.clientCode() != null && form.substances() != null) {
			try {
				var in = LocalDateTime.of(date, timeIn).atZone(zone).toInstant();
				var out = timeOut == null ? null : LocalDateTime.of(date, timeOut).atZone(zone).toInstant();
				var substances = Arrays.stream(form.substances().split("[,;\\n]"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.toList();
				var id = rooms.recordVisit(
						new VisitDraft(site, form.clientCode(), in, out, substances, route, form.booth(), otherwise,
								housing, form.supervisionNotes(), "true".equals(form.drugCheckingOffered())),
						user);
				redirect.addFlashAttribute(NOTICE, "consumptionrooms.visit.recorded");
				return "redirect:/rooms/visits/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return visitForm(model, user);
	}

	@GetMapping("/rooms/visits/{id}")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	String visit(@PathVariable("id") String id, Model model, @AuthenticationPrincipal HarmwatchUser user) {
		model.addAttribute(OVERDOSE_FORM, OverdoseForm.of(now()));
		model.addAttribute(REFERRAL_FORM, ReferralForm.of(rooms.today().toString()));
		return visitPage(uuid(id), model, user);
	}

	@PostMapping("/rooms/visits/{id}/overdoses")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String recordOverdose(@PathVariable("id") String id, @Validated @ModelAttribute(OVERDOSE_FORM) OverdoseForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var visitId = uuid(id);
		var time = FormValues.time(form.occurredTime(), "occurredTime", result);
		var doses = form.naloxoneDoses() == null ? Integer.valueOf(0)
				: FormValues.number(form.naloxoneDoses(), "naloxoneDoses", 0, 20, result);
		var outcome = FormValues.choice(RoomOverdoseOutcome.class, form.outcome(), "outcome", result);
		if (!result.hasErrors() && time != null && doses != null && outcome != null) {
			try {
				var visit = rooms.visit(visitId, user);
				var day = visit.timeIn().atZone(zone).toLocalDate();
				var at = LocalDateTime.of(day, time).atZone(zone).toInstant();
				rooms.recordOverdose(visitId, new RoomOverdoseDraft(at, "true".equals(form.oxygen()), doses,
						form.naloxoneRoute(), "true".equals(form.ambulanceCalled()), outcome), user);
				redirect.addFlashAttribute(NOTICE, "consumptionrooms.overdose.recorded");
				return "redirect:/rooms/visits/" + visitId;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute(REFERRAL_FORM, ReferralForm.of(rooms.today().toString()));
		return visitPage(visitId, model, user);
	}

	@PostMapping("/rooms/visits/{id}/referrals")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String recordReferral(@PathVariable("id") String id, @Validated @ModelAttribute(REFERRAL_FORM) ReferralForm form,
			BindingResult result, Model model, @AuthenticationPrincipal HarmwatchUser user,
			RedirectAttributes redirect) {
		var visitId = uuid(id);
		var kind = FormValues.choice(ReferralKind.class, form.kind(), "kind", result);
		var madeOn = FormValues.date(form.madeOn(), "madeOn", result);
		if (!result.hasErrors() && kind != null && madeOn != null) {
			try {
				rooms.recordReferral(visitId, kind, madeOn, user);
				redirect.addFlashAttribute(NOTICE, "consumptionrooms.referral.recorded");
				return "redirect:/rooms/visits/" + visitId;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute(OVERDOSE_FORM, OverdoseForm.of(now()));
		return visitPage(visitId, model, user);
	}

	@PostMapping("/rooms/referrals/{id}/outcome")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.WRITE)
	String referralOutcome(@PathVariable("id") String id,
			@RequestParam(name = "outcome", required = false) String outcome,
			@AuthenticationPrincipal HarmwatchUser user, RedirectAttributes redirect) {
		var referralId = uuid(id);
		ReferralOutcome chosen = null;
		for (var value : ReferralOutcome.values()) {
			if (value.name().equals(outcome == null ? "" : outcome.strip())) {
				chosen = value;
			}
		}
		var visitId = rooms.recordReferralOutcome(referralId, chosen, user);
		redirect.addFlashAttribute(NOTICE, "consumptionrooms.referral.outcomeRecorded");
		return "redirect:/rooms/visits/" + visitId;
	}

	@GetMapping("/rooms/report")
	@Requires(capability = Capability.CONSUMPTION_ROOMS, action = Action.READ)
	String report(@RequestParam(name = "year", required = false) String year, Model model,
			@AuthenticationPrincipal HarmwatchUser user) {
		int chosen = rooms.today().getYear();
		if (year != null && year.matches("\\d{4}")) {
			int asked = Integer.parseInt(year);
			if (asked >= 2000 && asked <= chosen) {
				chosen = asked;
			}
		}
		var report = rooms.report(chosen, user);
		var rows = new LinkedHashMap<String, RoomManagement.Shown>();
		rows.put("consumptionrooms.report.visits", report.visits());
		rows.put("consumptionrooms.report.clients", report.clients());
		rows.put("consumptionrooms.report.injections", report.injections());
		rows.put("consumptionrooms.report.publicInjectingAvoided", report.publicInjectingAvoided());
		rows.put("consumptionrooms.report.overdosesManaged", report.overdosesManaged());
		rows.put("consumptionrooms.report.overdosesSurvived", report.overdosesSurvived());
		rows.put("consumptionrooms.report.referralsMade", report.referralsMade());
		rows.put("consumptionrooms.report.referralsCompleted", report.referralsCompleted());
		model.addAttribute("report", report);
		model.addAttribute("rows", rows.entrySet());
		model.addAttribute("suppressUnder", RoomManagement.SUPPRESS_UNDER);
		return "consumptionrooms/report";
	}

	private String visitForm(Model model, HarmwatchUser user) {
		var sites = new LinkedHashMap<String, String>();
		rooms.sites(user).forEach(s -> sites.put(s.id().toString(), s.name()));
		model.addAttribute("sites", sites);
		model.addAttribute("routes", FormValues.options(ConsumptionRoute.class, "consumptionrooms.route."));
		model.addAttribute("otherwiseOptions", FormValues.options(OtherwisePlace.class, "consumptionrooms.otherwise."));
		model.addAttribute("housingOptions", FormValues.options(HousingStatus.class, "consumptionrooms.housing."));
		return "consumptionrooms/visitForm";
	}

	private String visitPage(UUID id, Model model, HarmwatchUser user) {
		model.addAttribute("visit", rooms.visit(id, user));
		model.addAttribute("zone", zone);
		model.addAttribute("outcomes",
				FormValues.options(RoomOverdoseOutcome.class, "consumptionrooms.overdose.outcome."));
		model.addAttribute("kinds", FormValues.options(ReferralKind.class, "consumptionrooms.referral.kind."));
		model.addAttribute("referralOutcomes",
				FormValues.options(ReferralOutcome.class, "consumptionrooms.referral.outcome."));
		var naloxoneRoutes = new LinkedHashMap<String, String>();
		naloxoneRoutes.put("NASAL", "consumptionrooms.overdose.naloxoneRoute.NASAL");
		naloxoneRoutes.put("INJECTED", "consumptionrooms.overdose.naloxoneRoute.INJECTED");
		model.addAttribute("naloxoneRoutes", naloxoneRoutes);
		return "consumptionrooms/visit";
	}

	private String now() {
		return LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("consumptionrooms.notFound.visit", id);
		}
	}

}
