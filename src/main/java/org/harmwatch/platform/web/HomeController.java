package org.harmwatch.platform.web;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.LockoutPolicy;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.ui.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: a public landing page, or the signed-in person's own home page.
 *
 * <p>A home page shows what the person's roles let them do, so a custody officer and a drug-checking analyst each see
 * their own work first.
 */
@Controller
class HomeController {

	private final LockoutPolicy lockout;

	HomeController(LockoutPolicy lockout) {
		this.lockout = lockout;
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
	String login(Model model) {
		model.addAttribute("lockoutAttempts", lockout.attempts());
		model.addAttribute("lockoutMinutes", lockout.duration().toMinutes());
		return "platform/login";
	}

}
