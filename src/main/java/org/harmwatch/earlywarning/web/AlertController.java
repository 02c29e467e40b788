package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertRejectedException;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.earlywarning.internal.alerts.AlertPdfs;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Alerts for staff: the coordinator drafts one from a signal, updates or cancels it;
 * panel members and the coordinator approve; everyone with early-warning read access sees
 * the list, each alert with its versions, its CAP, and its A4 poster and clinician
 * briefing as PDFs.
 */
@Controller
class AlertController {

	private final AlertManagement alerts;

	private final EarlyWarningManagement earlyWarning;

	private final SubstanceManagement vocabulary;

	private final ITemplateEngine templates;

	private final Clock clock;

	private final ZoneId zone;

	AlertController(AlertManagement alerts, EarlyWarningManagement earlyWarning, SubstanceManagement vocabulary,
			ITemplateEngine templates, Clock clock, RegionSettings region) {
		this.alerts = alerts;
		this.earlyWarning = earlyWarning;
		this.vocabulary = vocabulary;
		this.templates = templates;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/early-warning/alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var chosen = SignalController.pick(AlertState.class, state);
		model.addAttribute("result", alerts.alerts(chosen, page, clock.instant()));
		model.addAttribute("state", chosen == null ? "" : chosen.name());
		model.addAttribute("states", AlertState.values());
		model.addAttribute("zone", zone);
		return "earlywarning/alertList";
	}

	@GetMapping("/early-warning/signals/{id}/alerts/new")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String newAlert(@PathVariable UUID id, Model model) {
		var signal = earlyWarning.signal(id);
		return form(model, signal, AlertForm.forSignal(signal, clock.instant(), zone), List.of(), null);
	}

	@PostMapping("/early-warning/signals/{id}/alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String create(@PathVariable UUID id, @ModelAttribute AlertForm form, Authentication authentication, Model model,
			HttpServletResponse response) {
		var signal = earlyWarning.signal(id);
		var problems = new ArrayList<ReportProblem>();
		var draft = form.toDraft(vocabulary, zone, problems);
		var now = clock.instant();
		if (alerts.allowedAudiences(signal).isEmpty()) {
			problems.add(0, new ReportProblem("signal", "This signal allows no alert."));
		}
		else {
			alerts.check(draft, alerts.allowedAudiences(signal), now, false)
				.stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		if (problems.isEmpty()) {
			try {
				var alertId = alerts.draft(id, draft, authentication.getName(), now);
				return "redirect:/early-warning/alerts/" + alertId + "?drafted";
			}
			catch (AlertRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		response.setStatus(422);
		return form(model, signal, form, problems, null);
	}

	@GetMapping("/early-warning/alerts/{id}/update")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String updateForm(@PathVariable UUID id, Model model) {
		var alert = alerts.alert(id);
		var current = alert.current();
		if (current == null) {
			return "redirect:/early-warning/alerts/" + id;
		}
		return form(model, earlyWarning.signal(alert.signalId()), AlertForm.forUpdate(current, clock.instant(), zone),
				List.of(), alert);
	}

	@PostMapping("/early-warning/alerts/{id}/update")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String update(@PathVariable UUID id, @ModelAttribute AlertForm form, Authentication authentication, Model model,
			HttpServletResponse response) {
		var alert = alerts.alert(id);
		var problems = new ArrayList<ReportProblem>();
		var draft = form.toDraft(vocabulary, zone, problems);
		if (problems.isEmpty()) {
			try {
				alerts.update(id, draft, authentication.getName(), clock.instant());
				return "redirect:/early-warning/alerts/" + id + "?drafted";
			}
			catch (AlertRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		response.setStatus(422);
		return form(model, earlyWarning.signal(alert.signalId()), form, problems, alert);
	}

	private String form(Model model, SignalView signal, AlertForm form, List<ReportProblem> problems,
			@Nullable AlertView updating) {
		var allowed = alerts.allowedAudiences(signal);
		model.addAttribute("signal", signal);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors(problems));
		model.addAttribute("levels", AlertLevel.values());
		model.addAttribute("audiences", List.of(Audience.values()).stream().filter(allowed::contains).toList());
		model.addAttribute("districts", earlyWarning.districts());
		model.addAttribute("urgent", AlertManagement.urgentPath(signal));
		model.addAttribute("updating", updating);
		model.addAttribute("allowsNothing", allowed.isEmpty());
		return "earlywarning/alertForm";
	}

	static Map<String, List<String>> errors(List<ReportProblem> problems) {
		var errors = new LinkedHashMap<String, List<String>>();
		problems.forEach(p -> errors.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p.message()));
		return errors;
	}

	@GetMapping("/early-warning/alerts/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		return details(model, alerts.alert(id), user, List.of());
	}

	private String details(Model model, AlertView alert, HarmwatchUser user, List<ReportProblem> problems) {
		model.addAttribute("alert", alert);
		model.addAttribute("signal", earlyWarning.signal(alert.signalId()));
		model.addAttribute("canManage", has(user, "EARLY_WARNING:MANAGE"));
		model.addAttribute("canApprove", has(user, "EARLY_WARNING:APPROVE"));
		model.addAttribute("me", user.getUsername());
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors(problems));
		model.addAttribute("zone", zone);
		var now = clock.instant();
		model.addAttribute("now", now);
		model.addAttribute("state", alert.state() == AlertState.ISSUED && !alert.expiresAt().isAfter(now)
				? AlertState.EXPIRED : alert.state());
		return "earlywarning/alertDetails";
	}

	private static boolean has(HarmwatchUser user, String authority) {
		return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	@PostMapping("/early-warning/alerts/{id}/approve")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String approve(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		var alert = alerts.alert(id);
		try {
			var after = alerts.approve(id, user, clock.instant());
			redirect.addFlashAttribute("approved", after.pending() == null ? "issued" : "approved");
			return "redirect:/early-warning/alerts/" + id;
		}
		catch (AlertRejectedException ex) {
			response.setStatus(422);
			return details(model, alert, user, ex.problems());
		}
	}

	@PostMapping("/early-warning/alerts/{id}/cancel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		var alert = alerts.alert(id);
		try {
			alerts.cancel(id, note, user.getUsername(), clock.instant());
			redirect.addFlashAttribute("approved", "cancelDrafted");
			return "redirect:/early-warning/alerts/" + id;
		}
		catch (AlertRejectedException ex) {
			response.setStatus(422);
			return details(model, alert, user, ex.problems());
		}
	}

	@GetMapping(path = "/early-warning/alerts/{id}/cap", produces = "application/cap+xml")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<String> cap(@PathVariable UUID id) {
		var alert = alerts.alert(id);
		if (alert.version() == 0) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/cap+xml")).body(alerts.cap(alert));
	}

	@GetMapping("/early-warning/alerts/{id}/poster.pdf")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<byte[]> poster(@PathVariable UUID id) {
		return pdf(alerts.alert(id), "earlywarning/alertPoster", "poster");
	}

	@GetMapping("/early-warning/alerts/{id}/briefing.pdf")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<byte[]> briefing(@PathVariable UUID id) {
		return pdf(alerts.alert(id), "earlywarning/alertBriefing", "briefing");
	}

	private ResponseEntity<byte[]> pdf(AlertView alert, String template, String kind) {
		var message = alert.current() != null ? alert.current() : alert.pending();
		if (message == null) {
			return ResponseEntity.notFound().build();
		}
		var context = new Context(Locale.UK);
		context.setVariable("alert", alert);
		context.setVariable("message", message);
		context.setVariable("zone", zone);
		context.setVariable("publicUrl", alerts.publicUrl());
		var xhtml = templates.process(template, context);
		var name = (alert.reference() == null ? "draft-" + alert.id() : alert.reference()) + "-" + kind + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(name).build().toString())
			.body(AlertPdfs.render(xhtml, alerts.publicUrl()));
	}

}
