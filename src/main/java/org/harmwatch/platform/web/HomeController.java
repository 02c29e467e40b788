package org.harmwatch.platform.web;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.ui.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front door: a public landing page, or the signed-in person's own home page.
 *
 * <p>A home page shows what the person's roles let them do, so a custody officer and a drug-checking analyst each see
 * their own work first.
 */
@Controller
class HomeController {

	private final SingleSignOnOffer singleSignOn;

	HomeController(SingleSignOnOffer singleSignOn) {
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/")
	@PublicEndpoint("The landing page leads the public to published information and staff to sign in.")
	String home(@Nullable Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof HarmwatchUser) {
			return "platform/home";
		}
		return "platform/landing";
	}

	@GetMapping("/login")
	@PublicEndpoint("People must reach the sign-in page before they are signed in.")
	String login(@RequestParam(required = false) @Nullable String throttled, Model model) {
		// How long to wait, from the failure handler's redirect; whatever else is typed there shows a plain minute.
		if (throttled != null) {
			model.addAttribute("throttledMinutes",
					throttled.matches("\\d{1,3}") ? Math.max(1, Integer.parseInt(throttled)) : 1);
		}
		// Single sign-on is offered once its provider has answered (until then, only password sign-in works).
		singleSignOn.button().ifPresent(button -> {
			model.addAttribute("ssoRegistration", button.registrationId());
			model.addAttribute("ssoLabel", button.label());
		});
		return "platform/login";
	}

}
