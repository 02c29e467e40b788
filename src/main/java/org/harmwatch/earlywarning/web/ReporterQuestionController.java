package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReporterQuestionManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
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
 * The reporting agency's side of "ask the reporter": the coordinator's questions to the
 * agency about its reports, each with the report it is about, and the answer form.
 */
@Controller
class ReporterQuestionController {

	private static final String FORM = "answerForm";

	private final ReporterQuestionManagement questions;

	private final EarlyWarningManagement earlyWarning;

	private final Clock clock;

	private final ZoneId zone;

	ReporterQuestionController(ReporterQuestionManagement questions, EarlyWarningManagement earlyWarning, Clock clock,
			RegionSettings region) {
		this.questions = questions;
		this.earlyWarning = earlyWarning;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/questions")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		model.addAttribute("result", questions.forMyAgency(user, page));
		model.addAttribute("zone", zone);
		return "earlywarning/signalQuestions";
	}

	@GetMapping("/early-warning/questions/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String details(@PathVariable UUID id, @AuthenticationPrincipal HarmwatchUser user, Model model) {
		model.addAttribute(FORM, AnswerForm.empty());
		return details(model, id, user);
	}

	@PostMapping("/early-warning/questions/{id}/answer")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.WRITE)
	String answer(@PathVariable UUID id, @Validated @ModelAttribute(FORM) AnswerForm form, BindingResult result,
			@AuthenticationPrincipal HarmwatchUser user, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				questions.answer(id, form.answer(), user, clock.instant());
				redirect.addFlashAttribute("answered", true);
				return "redirect:/early-warning/questions/" + id;
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return details(model, id, user);
	}

	private String details(Model model, UUID id, HarmwatchUser user) {
		var question = questions.question(id, user);
		model.addAttribute("question", question);
		model.addAttribute("report", earlyWarning.report(question.reportId(), user));
		model.addAttribute("mayAnswer", ReporterQuestionManagement.mayAnswer(question, user));
		model.addAttribute("zone", zone);
		return "earlywarning/signalQuestion";
	}

}
