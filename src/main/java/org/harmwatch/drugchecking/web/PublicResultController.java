package org.harmwatch.drugchecking.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.drugchecking.ReleaseManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.RegionSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public lookup: a person types (or scans) the code on their sample's label and sees
 * that sample's current result and the advice they were given, within the session's
 * licence conditions.
 *
 * <p>
 * An unknown code, a sample without a result yet, and a result the licence withholds all
 * get the same page with the same status: "no result to show for this code yet". So a
 * guessed code tells nothing about whether it, or any other code, exists. Lookups are
 * rate-limited per client address, across every instance (429 when the bucket is empty);
 * the expected guesses per hit are in {@link PublicLookupRateLimiter}. The code travels
 * in a POST body, not the URL, so it stays out of access logs and browser history; the QR
 * code's URL only fills the form in. A signed-in reader whose agency is law enforcement
 * gets the same page for a result their licence withholds from them.
 */
@Controller
class PublicResultController {

	private static final String FORM = "lookupForm";

	private final ReleaseManagement releaseManagement;

	private final PublicLookupRateLimiter limiter;

	private final ZoneId zone;

	PublicResultController(ReleaseManagement releaseManagement, PublicLookupRateLimiter limiter,
			RegionSettings region) {
		this.releaseManagement = releaseManagement;
		this.limiter = limiter;
		this.zone = region.timeZone();
	}

	@GetMapping("/drug-checking/results")
	@PublicEndpoint("Anyone may look up a drug-checking result by the code on their label; the form reveals nothing")
	String form(@RequestParam(required = false) @Nullable String code, Model model) {
		model.addAttribute(FORM, new LookupForm(code == null ? "" : code));
		return "drugchecking/publicLookup";
	}

	@PostMapping("/drug-checking/results")
	@PublicEndpoint("Anyone may look up a result by its code; rate-limited, and a wrong code reveals nothing")
	String lookup(@Validated @ModelAttribute(FORM) LookupForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response,
			@AuthenticationPrincipal @Nullable HarmwatchUser reader) {
		if (!limiter.tryAcquire(request.getRemoteAddr(), form.code())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "drugchecking/publicTooMany";
		}
		if (result.hasErrors() || form.code() == null) {
			return "drugchecking/publicLookup";
		}
		var release = releaseManagement.lookup(form.code(), reader);
		if (release.isEmpty()) {
			return "drugchecking/publicNotReady";
		}
		model.addAttribute("release", release.get());
		model.addAttribute("result", release.get().current());
		model.addAttribute("zone", zone);
		return "drugchecking/publicResult";
	}

}
