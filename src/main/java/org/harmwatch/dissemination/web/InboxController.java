package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.util.regex.Pattern;

import org.harmwatch.dissemination.InboxManagement;
import org.harmwatch.earlywarning.Audience;
import org.harmwatch.geography.GeographyManagement;
import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.jspecify.annotations.Nullable;

/**
 * The professionals' alerts inbox: every signed-in member of staff sees the alerts sent
 * to them or to their agency and role, and reads each one (the page that the e-mail's and
 * text message's links and CAP's {@code web} of a restricted or exercise alert open).
 * Whether they may is the module's access policy's to say, not a grant: frontline staff
 * hold no early-warning read grant.
 */
@Controller
class InboxController {

	/** What an alert reference may look like here; anything else is no alert. */
	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private final InboxManagement inbox;

	private final GeographyManagement geography;

	private final RegionSettings region;

	private final Clock clock;

	InboxController(InboxManagement inbox, GeographyManagement geography, RegionSettings region, Clock clock) {
		this.inbox = inbox;
		this.geography = geography;
		this.region = region;
		this.clock = clock;
	}

	@GetMapping("/inbox")
	@PreAuthorize("isAuthenticated()")
	String list(@AuthenticationPrincipal @Nullable HarmwatchUser user, Model model) {
		model.addAttribute("alerts", inbox.inbox(staff(user)));
		model.addAttribute("zone", region.timeZone());
		model.addAttribute("now", clock.instant());
		return "dissemination/inbox";
	}

	@GetMapping("/inbox/alerts/{reference}")
	@PreAuthorize("isAuthenticated()")
	String alert(@PathVariable String reference, @AuthenticationPrincipal @Nullable HarmwatchUser user, Model model) {
		if (!REFERENCE.matcher(reference).matches()) {
			throw new NotFoundException("alerts.error.notFound.alert", reference.length() > 40 ? "" : reference);
		}
		var alert = inbox.alert(staff(user), reference);
		model.addAttribute("alert", alert);
		model.addAttribute("issue", alert.latest());
		model.addAttribute("areas",
				alert.latest()
					.ladCodes()
					.stream()
					.map(code -> geography.area(code).map(a -> a.name()).orElse(code))
					.toList());
		model.addAttribute("restricted", !alert.latest().audiences().contains(Audience.PUBLIC));
		model.addAttribute("zone", region.timeZone());
		model.addAttribute("now", clock.instant());
		return "dissemination/inboxAlert";
	}

	/** The member of staff signed in; an API client has no inbox. */
	private static HarmwatchUser staff(@Nullable HarmwatchUser user) {
		if (user == null) {
			throw new AccessDeniedException("The alerts inbox is for staff signed in");
		}
		return user;
	}

}
