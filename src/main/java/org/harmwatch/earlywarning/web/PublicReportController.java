package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.platform.FieldProblem;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The anonymous report form: anyone, no sign-in, no personal data kept (no name, no
 * contact, no IP address, no pin; an area only). Rate-limited per client.
 */
@Controller
class PublicReportController {

	private final EarlyWarningManagement earlyWarning;

	private final PublicReportRateLimiter limiter;

	private final Clock clock;

	private final ZoneId zone;

	PublicReportController(EarlyWarningManagement earlyWarning, PublicReportRateLimiter limiter, Clock clock,
			RegionSettings region) {
		this.earlyWarning = earlyWarning;
		this.limiter = limiter;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/report")
	@PublicEndpoint("Anyone may report a dangerous drug anonymously; the form keeps no personal data")
	String form(Model model) {
		model.addAttribute(ReportController.FORM, ReportForm.startingAt(clock.instant(), zone));
		return form(model, earlyWarning);
	}

	@PostMapping("/report")
	@PublicEndpoint("Anyone may report a dangerous drug anonymously; rate-limited, and no personal data is kept")
	String submit(@Validated @ModelAttribute(ReportController.FORM) ReportForm sent, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "earlywarning/publicTooMany";
		}
		// Only the fields the public form shows are read: no pin, no reporter, a member
		// of the public.
		var form = sent.forPublic();
		var problems = new ArrayList<FieldProblem>();
		var draft = form.toDraft(Channel.PUBLIC_FORM, zone, problems);
		FormProblems.add(result, problems);
		var now = clock.instant();
		if (!result.hasErrors()) {
			try {
				earlyWarning.submit(draft, null, now);
				return "earlywarning/publicThanks";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		else {
			FormProblems.addWhereNone(result, earlyWarning.check(draft, now));
		}
		return form(model, earlyWarning);
	}

	private static String form(Model model, EarlyWarningManagement earlyWarning) {
		ReportController.addChoices(model, earlyWarning);
		return "earlywarning/publicReport";
	}

}
