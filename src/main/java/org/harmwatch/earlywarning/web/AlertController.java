package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.harmwatch.earlywarning.AlertLevel;
import org.harmwatch.earlywarning.AlertManagement;
import org.harmwatch.earlywarning.AlertMessageType;
import org.harmwatch.earlywarning.AlertState;
import org.harmwatch.earlywarning.AlertView;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
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
 * Alerts for staff: the coordinator drafts one from a signal, updates or cancels it;
 * panel members and the coordinator approve; everyone with early-warning read access sees
 * the list, each alert with its versions, its CAP, and its A4 poster and clinician
 * briefing as PDFs.
 */
@Controller
class AlertController {

	private static final String FORM = "alertForm";

	private static final String CANCEL = "cancelForm";

	private final AlertManagement alerts;

	private final EarlyWarningManagement earlyWarning;

	private final SubstanceManagement vocabulary;

	private final AlertDocuments documents;

	private final Clock clock;

	private final ZoneId zone;

	AlertController(AlertManagement alerts, EarlyWarningManagement earlyWarning, SubstanceManagement vocabulary,
			AlertDocuments documents, Clock clock, RegionSettings region) {
		this.alerts = alerts;
		this.earlyWarning = earlyWarning;
		this.vocabulary = vocabulary;
		this.documents = documents;
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

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/signals/{id}/alerts/new")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String newAlert(@PathVariable UUID id, Model model) {
		var signal = earlyWarning.signal(id);
		model.addAttribute(FORM, AlertForm.forSignal(signal, clock.instant(), zone));
		return form(model, signal, null);
	}

	@PostMapping("/early-warning/signals/{id}/alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String create(@PathVariable UUID id, @Validated @ModelAttribute(FORM) AlertForm form, BindingResult result,
			Authentication authentication, Model model) {
		var signal = earlyWarning.signal(id);
		var problems = new ArrayList<FieldProblem>();
		var draft = form.toDraft(vocabulary, zone, problems);
		FormProblems.add(result, problems);
		var now = clock.instant();
		var allowed = alerts.allowedAudiences(signal);
		if (allowed.isEmpty()) {
			FormProblems.add(result, List.of(FieldProblem.global("alerts.error.noAlert")));
		}
		else {
			FormProblems.addWhereNone(result, alerts.check(draft, allowed, now, false));
		}
		if (!result.hasErrors()) {
			try {
				var alertId = alerts.draft(id, draft, authentication.getName(), now);
				return "redirect:/early-warning/alerts/" + alertId + "?drafted";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, signal, null);
	}

	@GetMapping("/early-warning/alerts/{id}/update")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String updateForm(@PathVariable UUID id, Model model) {
		var alert = alerts.alert(id);
		var current = alert.current();
		if (current == null) {
			return "redirect:/early-warning/alerts/" + id;
		}
		model.addAttribute(FORM, AlertForm.forUpdate(current, clock.instant(), zone));
		return form(model, earlyWarning.signal(alert.signalId()), alert);
	}

	@PostMapping("/early-warning/alerts/{id}/update")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String update(@PathVariable UUID id, @Validated @ModelAttribute(FORM) AlertForm form, BindingResult result,
			Authentication authentication, Model model) {
		var alert = alerts.alert(id);
		var problems = new ArrayList<FieldProblem>();
		var draft = form.toDraft(vocabulary, zone, problems);
		FormProblems.add(result, problems);
		if (!result.hasErrors()) {
			try {
				alerts.update(id, draft, authentication.getName(), clock.instant());
				return "redirect:/early-warning/alerts/" + id + "?drafted";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return form(model, earlyWarning.signal(alert.signalId()), alert);
	}

	@GetMapping("/early-warning/alerts/{id}/edit")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String editForm(@PathVariable UUID id, Model model) {
		var alert = alerts.alert(id);
		var pending = alert.pending();
		if (pending == null || pending.messageType() == AlertMessageType.CANCEL) {
			return "redirect:/early-warning/alerts/" + id;
		}
		model.addAttribute(FORM, AlertForm.forEdit(pending, alert.exercise(), zone));
		return editing(model, alert);
	}

	@PostMapping("/early-warning/alerts/{id}/edit")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String edit(@PathVariable UUID id, @Validated @ModelAttribute(FORM) AlertForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model) {
		var alert = alerts.alert(id);
		var problems = new ArrayList<FieldProblem>();
		var draft = form.toDraft(vocabulary, zone, problems);
		FormProblems.add(result, problems);
		if (!result.hasErrors()) {
			try {
				alerts.edit(id, draft, user, clock.instant());
				return "redirect:/early-warning/alerts/" + id + "?edited";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return editing(model, alert);
	}

	private String editing(Model model, AlertView alert) {
		model.addAttribute("editing", alert);
		var signal = earlyWarning.signal(alert.signalId());
		var allowed = alert.version() > 0 ? alerts.updateAudiences(alert, signal) : alerts.allowedAudiences(signal);
		form(model, signal, alert.version() > 0 ? alert : null);
		model.addAttribute("audiences", List.of(Audience.values()).stream().filter(allowed::contains).toList());
		model.addAttribute("allowsNothing", allowed.isEmpty());
		return "earlywarning/alertForm";
	}

	private String form(Model model, SignalView signal, @Nullable AlertView updating) {
		var allowed = alerts.allowedAudiences(signal);
		model.addAttribute("signal", signal);
		model.addAttribute("levels", AlertLevel.values());
		model.addAttribute("audiences", List.of(Audience.values()).stream().filter(allowed::contains).toList());
		model.addAttribute("districts", earlyWarning.districts());
		model.addAttribute("urgent", AlertManagement.urgentPath(signal));
		model.addAttribute("updating", updating);
		model.addAttribute("allowsNothing", allowed.isEmpty());
		boolean exercise = updating != null && updating.exercise();
		var publicLink = alerts.smsLink(true, false);
		var professionalLink = alerts.smsLink(false, false);
		model.addAttribute("smsLinkPublic", publicLink);
		model.addAttribute("smsLinkProfessional", professionalLink);
		model.addAttribute("exercisePrefix", AlertManagement.SMS_EXERCISE_PREFIX);
		model.addAttribute("smsRoom",
				Math.min(alerts.shortTextRoom(publicLink, exercise), alerts.shortTextRoom(professionalLink, exercise)));
		return "earlywarning/alertForm";
	}

	@GetMapping("/early-warning/alerts/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		model.addAttribute(CANCEL, new CancelForm(""));
		return details(model, alerts.alert(id), user);
	}

	private String details(Model model, AlertView alert, HarmwatchUser user) {
		model.addAttribute("alert", alert);
		model.addAttribute("signal", earlyWarning.signal(alert.signalId()));
		model.addAttribute("canManage", has(user, "EARLY_WARNING:MANAGE"));
		model.addAttribute("canApprove", has(user, "EARLY_WARNING:APPROVE"));
		model.addAttribute("me", user.getUsername());
		model.addAttribute("zone", zone);
		var now = clock.instant();
		model.addAttribute("now", now);
		model.addAttribute("state", alert.state() == AlertState.ISSUED && !alert.expiresAt().isAfter(now)
				? AlertState.EXPIRED : alert.state());
		if (alert.pending() != null) {
			model.addAttribute("reach", alerts.reach(alert.id()));
		}
		return "earlywarning/alertDetails";
	}

	private static boolean has(HarmwatchUser user, String authority) {
		return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	@PostMapping("/early-warning/alerts/{id}/approve")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String approve(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user,
			@RequestParam(defaultValue = "false") boolean reachesNobodyConfirmed, Model model,
			RedirectAttributes redirect) {
		var alert = alerts.alert(id);
		var form = new CancelForm("");
		var result = new BeanPropertyBindingResult(form, CANCEL);
		try {
			var after = alerts.approve(id, user, reachesNobodyConfirmed, clock.instant());
			redirect.addFlashAttribute("approved", after.pending() == null ? "issued" : "approved");
			return "redirect:/early-warning/alerts/" + id;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		// The refusal is shown on the page, at the top: approving has no fields.
		model.addAttribute(CANCEL, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + CANCEL, result);
		return details(model, alert, user);
	}

	@PostMapping("/early-warning/alerts/{id}/withdraw")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String withdraw(@PathVariable UUID id, @ModelAttribute(CANCEL) CancelForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect) {
		return decideDraft(id, "withdrawn", () -> alerts.withdraw(id, form.note(), user, clock.instant()), result, user,
				model, redirect);
	}

	@PostMapping("/early-warning/alerts/{id}/return")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.APPROVE)
	String sendBack(@PathVariable UUID id, @ModelAttribute(CANCEL) CancelForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect) {
		return decideDraft(id, "returned", () -> alerts.sendBack(id, form.note(), user, clock.instant()), result, user,
				model, redirect);
	}

	/**
	 * Withdraws or returns a draft: back to the alert with a notice, or its page drawn
	 * again with the refusal.
	 */
	private String decideDraft(UUID id, String notice, Runnable decision, BindingResult result, HarmwatchUser user,
			Model model, RedirectAttributes redirect) {
		var alert = alerts.alert(id);
		try {
			decision.run();
			redirect.addFlashAttribute("approved", notice);
			return "redirect:/early-warning/alerts/" + id;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return details(model, alert, user);
	}

	@PostMapping("/early-warning/alerts/{id}/cancel")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String cancel(@PathVariable UUID id, @Validated @ModelAttribute(CANCEL) CancelForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect) {
		var alert = alerts.alert(id);
		try {
			alerts.cancel(id, form.note(), user.getUsername(), clock.instant());
			redirect.addFlashAttribute("approved", "cancelDrafted");
			return "redirect:/early-warning/alerts/" + id;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return details(model, alert, user);
	}

	@GetMapping(path = "/early-warning/alerts/{id}/cap", produces = "application/cap+xml")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<String> cap(@PathVariable UUID id, @RequestParam(required = false) @Nullable String version) {
		var alert = alerts.alert(id);
		if (alert.version() == 0) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/cap+xml"))
			.body(alerts.cap(alert.id(), PublicAlertController.version(alert, version)));
	}

	@GetMapping("/early-warning/alerts/{id}/poster.pdf")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<byte[]> poster(@PathVariable UUID id) {
		return documents.poster(alerts.alert(id), true);
	}

	@GetMapping("/early-warning/alerts/{id}/briefing.pdf")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	ResponseEntity<byte[]> briefing(@PathVariable UUID id) {
		return documents.briefing(alerts.alert(id), true);
	}

}
