package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.earlywarning.CaseStatus;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReporterQuestion;
import org.harmwatch.earlywarning.ReporterQuestionManagement;
import org.harmwatch.earlywarning.SignalView;
import org.harmwatch.earlywarning.SignalStatus;
import org.harmwatch.earlywarning.Urgency;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
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
 * Signals for the coordinator and panel: a filtered list, and each signal with its
 * evidence side by side; the coordinator validates or dismisses.
 */
@Controller
class SignalController {

	private static final String FORM = "decisionForm";

	private static final String CASE = "caseForm";

	private static final String LINK = "linkForm";

	private static final String QUESTION = "questionForm";

	private static final String MERGE = "mergeForm";

	private final EarlyWarningManagement earlyWarning;

	private final ReporterQuestionManagement questions;

	private final Clock clock;

	private final ZoneId zone;

	SignalController(EarlyWarningManagement earlyWarning, ReporterQuestionManagement questions, Clock clock,
			RegionSettings region) {
		this.earlyWarning = earlyWarning;
		this.questions = questions;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/early-warning/signals")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String urgency, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) @Nullable String alertToUpdate, Model model) {
		var chosenStatus = pick(SignalStatus.class, status);
		var chosenUrgency = pick(Urgency.class, urgency);
		boolean toUpdate = "true".equals(alertToUpdate);
		model.addAttribute("result", earlyWarning.signals(chosenStatus, chosenUrgency, toUpdate, page));
		model.addAttribute("alertToUpdate", toUpdate);
		model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
		model.addAttribute("urgency", chosenUrgency == null ? "" : chosenUrgency.name());
		model.addAttribute("statuses", SignalStatus.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("zone", zone);
		return "earlywarning/signalList";
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/signals/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, Authentication authentication, Model model) {
		model.addAttribute(FORM, DecisionForm.empty());
		return details(model, id, authentication);
	}

	@PostMapping("/early-warning/signals/{id}/case")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String updateCase(@PathVariable UUID id, @ModelAttribute(CASE) CaseForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		var current = earlyWarning.signalCase(id);
		try {
			earlyWarning.updateCase(id, form.status(), form.ownerFor(authentication.getName(), current.owner()),
					form.waitsForLaboratory(), form.note(), authentication.getName(), clock.instant());
			redirect.addFlashAttribute("caseUpdated", true);
			return "redirect:/early-warning/signals/" + id + "#case";
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		model.addAttribute(FORM, DecisionForm.empty());
		return details(model, id, authentication);
	}

	@PostMapping("/early-warning/signals/{id}/links")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String link(@PathVariable UUID id, @Validated @ModelAttribute(LINK) LinkForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		earlyWarning.signal(id);
		UUID related = null;
		if (!result.hasFieldErrors("related")) {
			try {
				related = UUID.fromString(form.related());
			}
			catch (IllegalArgumentException ex) {
				result.rejectValue("related", "earlywarning.link.unknown");
			}
		}
		if (!result.hasErrors() && related != null && form.reason() != null) {
			try {
				earlyWarning.linkSignals(id, related, form.reason(), authentication.getName(), clock.instant());
				redirect.addFlashAttribute("linked", true);
				return "redirect:/early-warning/signals/" + id + "#related";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute(FORM, DecisionForm.empty());
		return details(model, id, authentication);
	}

	/**
	 * The coordinator asks the agency that sent one of the signal's reports a question.
	 */
	@PostMapping("/early-warning/signals/{id}/questions")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String ask(@PathVariable UUID id, @Validated @ModelAttribute(QUESTION) QuestionForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		earlyWarning.signal(id);
		var report = uuid(form.report(), "report", "earlywarning.question.report.unknown", result);
		if (!result.hasErrors()) {
			try {
				questions.ask(id, report, form.question(), user, clock.instant());
				redirect.addFlashAttribute("asked", true);
				return "redirect:/early-warning/signals/" + id + "#questions";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute(FORM, DecisionForm.empty());
		return details(model, id, authentication);
	}

	/**
	 * The coordinator merges this signal, a duplicate, into the one that survives.
	 */
	@PostMapping("/early-warning/signals/{id}/merge")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String merge(@PathVariable UUID id, @Validated @ModelAttribute(MERGE) MergeForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		earlyWarning.signal(id);
		var survivor = uuid(form.survivor(), "survivor", "earlywarning.merge.survivor.unknown", result);
		if (!result.hasErrors()) {
			try {
				earlyWarning.mergeSignal(id, survivor, form.mergeReason(), authentication.getName(), clock.instant());
				redirect.addFlashAttribute("mergedFlash", id.toString());
				return "redirect:/early-warning/signals/" + survivor + "#merged";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		model.addAttribute(FORM, DecisionForm.empty());
		return details(model, id, authentication);
	}

	/**
	 * A signal id as sent in a form, or {@code null} with the field rejected when it is
	 * none (left alone when the field is already rejected, e.g. empty).
	 */
	private static @Nullable UUID uuid(@Nullable String value, String field, String code, BindingResult result) {
		if (result.hasFieldErrors(field) || value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue(field, code);
			return null;
		}
	}

	@PostMapping("/early-warning/signals/{id}/decision")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String decide(@PathVariable UUID id, @Validated @ModelAttribute(FORM) DecisionForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		earlyWarning.signal(id);
		if (!result.hasErrors()) {
			try {
				earlyWarning.decide(id, form.decision(), form.reason(), authentication.getName(), clock.instant());
				redirect.addFlashAttribute("decided", form.outcome());
				return "redirect:/early-warning/signals/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return details(model, id, authentication);
	}

	private String details(Model model, UUID id, Authentication authentication) {
		model.addAttribute("signal", earlyWarning.signal(id));
		var merge = earlyWarning.mergeOf(id);
		model.addAttribute("merge", merge.orElse(null));
		if (merge.isPresent()) {
			model.addAttribute("survivor", earlyWarning.signal(merge.get().survivor()));
		}
		var mergedHere = earlyWarning.mergedInto(id);
		model.addAttribute("mergedHere", mergedHere);
		var mergedSignals = new LinkedHashMap<UUID, SignalView>();
		mergedHere.forEach(m -> mergedSignals.put(m.merged(), earlyWarning.signal(m.merged())));
		model.addAttribute("mergedSignals", mergedSignals);
		model.addAttribute("questions", questions.onSignal(id));
		model.addAttribute("reportsToAsk", questions.reportsToAsk(id));
		var askOptions = new LinkedHashMap<String, String>();
		var askable = questions.reportsToAsk(id).stream().filter(ReporterQuestion.ReportToAsk::askable).toList();
		for (var r : askable) {
			askOptions.put(r.reportId().toString(),
					r.agencyName() + " – " + DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK)
						.format(r.occurredAt().atZone(zone)));
		}
		model.addAttribute("askOptions", askOptions);
		if (!model.containsAttribute(QUESTION)) {
			model.addAttribute(QUESTION, QuestionForm.empty());
		}
		if (!model.containsAttribute(MERGE)) {
			model.addAttribute(MERGE, MergeForm.empty());
		}
		var signalCase = earlyWarning.signalCase(id);
		model.addAttribute("signalCase", signalCase);
		if (!model.containsAttribute(CASE)) {
			model.addAttribute(CASE, CaseForm.of(signalCase.status(), signalCase.awaitingLaboratory()));
		}
		model.addAttribute("caseStatuses", caseStatuses());
		model.addAttribute("evidence", merge.isPresent() ? earlyWarning.movedEvidence(id) : earlyWarning.evidence(id));
		var related = earlyWarning.relatedSignals(id);
		model.addAttribute("related", related);
		var suggestions = earlyWarning.suggestedRelatedSignals(id);
		model.addAttribute("suggestions", suggestions);
		var options = new LinkedHashMap<String, String>();
		for (var s : suggestions) {
			options.put(s.id().toString(), describe(s));
		}
		model.addAttribute("suggestionOptions", options);
		// A duplicate may be merged into a signal it is linked to or one suggested.
		var survivors = new LinkedHashMap<String, String>();
		for (var r : related) {
			survivors.put(r.signal().id().toString(), describe(r.signal()));
		}
		for (var s : suggestions) {
			survivors.putIfAbsent(s.id().toString(), describe(s));
		}
		model.addAttribute("survivorOptions", survivors);
		if (!model.containsAttribute(LINK)) {
			model.addAttribute(LINK, LinkForm.empty());
		}
		model.addAttribute("canManage",
				authentication.getAuthorities()
					.stream()
					.anyMatch(a -> "EARLY_WARNING:MANAGE".equals(a.getAuthority())));
		model.addAttribute("decisions", decisions());
		model.addAttribute("zone", zone);
		return "earlywarning/signalDetails";
	}

	/** A signal as a choice among others: what, where, status, when, how much. */
	private String describe(SignalView s) {
		var about = s.substanceName() != null ? s.substanceName()
				: s.substanceClass() != null ? s.substanceClass() : String.valueOf(s.category());
		return about + " – " + s.ladName() + ", " + s.status().name().toLowerCase(java.util.Locale.UK) + ", "
				+ DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
					.format(s.firstEvidenceAt().atZone(zone))
				+ ", " + s.evidenceCount();
	}

	private static Map<String, String> caseStatuses() {
		var statuses = new LinkedHashMap<String, String>();
		for (var status : CaseStatus.values()) {
			statuses.put(status.name(), "earlywarning.case.status." + status.name());
		}
		return statuses;
	}

	private static Map<String, String> decisions() {
		var decisions = new LinkedHashMap<String, String>();
		decisions.put(SignalStatus.VALIDATED.name(), "earlywarning.decision.VALIDATED");
		decisions.put(SignalStatus.DISMISSED.name(), "earlywarning.decision.DISMISSED");
		return decisions;
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
