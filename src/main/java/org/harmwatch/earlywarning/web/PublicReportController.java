package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.earlywarning.Channel;
import org.harmwatch.earlywarning.EarlyWarningManagement;
import org.harmwatch.earlywarning.ReportProblem;
import org.harmwatch.earlywarning.ReportRejectedException;
import org.harmwatch.earlywarning.SourceType;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	@GetMapping("/report")
	@PublicEndpoint("Anyone may report a dangerous drug anonymously; the form keeps no personal data")
	String form(Model model) {
		return form(model, ReportForm.startingAt(clock.instant(), zone), List.of());
	}

	@PostMapping("/report")
	@PublicEndpoint("Anyone may report a dangerous drug anonymously; rate-limited, and no personal data is kept")
	String submit(@ModelAttribute("form") ReportForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "earlywarning/publicTooMany";
		}
		// Only the fields the public form shows are read: no pin, no reporter, a member
		// of the public.
		form.setSourceType(SourceType.MEMBER_OF_PUBLIC.name());
		form.setLat(null);
		form.setLon(null);
		form.setHowKnown(null);
		form.setSubstanceClass(null);
		var problems = new ArrayList<ReportProblem>();
		var draft = form.toDraft(Channel.PUBLIC_FORM, zone, problems);
		var now = clock.instant();
		if (problems.isEmpty()) {
			try {
				earlyWarning.submit(draft, null, now);
				return "earlywarning/publicThanks";
			}
			catch (ReportRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		else {
			earlyWarning.check(draft, now)
				.stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		response.setStatus(422);
		return form(model, form, problems);
	}

	private String form(Model model, ReportForm form, List<ReportProblem> problems) {
		model.addAttribute("form", form);
		ReportController.addChoices(model, earlyWarning, problems);
		return "earlywarning/publicReport";
	}

}
