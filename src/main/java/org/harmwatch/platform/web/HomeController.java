package org.harmwatch.platform.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import org.harmwatch.platform.HarmwatchUser;
import org.harmwatch.platform.NavigationGroup;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.platform.PublicNotice;
import org.harmwatch.platform.PublicNotices;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.WorkItem;
import org.harmwatch.platform.WorkQueue;
import org.springframework.ui.Model;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front door: a public landing page, or the signed-in person's own home page.
 *
 * <p>
 * A home page is the person's work queue: what waits for them in each module they work
 * in, counted over the records their agency may see ({@link WorkQueue}), then the pages
 * their roles open, by section. A custody officer and a drug-checking analyst each see
 * their own work first.
 */
@Controller
class HomeController {

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	private final SingleSignOnOffer singleSignOn;

	private final List<WorkQueue> queues;

	private final List<PublicNotices> notices;

	private final Clock clock;

	private final ZoneId zone;

	HomeController(SingleSignOnOffer singleSignOn, List<WorkQueue> queues, List<PublicNotices> notices, Clock clock,
			RegionSettings region) {
		this.singleSignOn = singleSignOn;
		this.queues = List.copyOf(queues);
		this.notices = List.copyOf(notices);
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/")
	@PublicEndpoint("The landing page leads the public to published information and staff to sign in.")
	String home(@Nullable Authentication authentication, Model model) {
		if (authentication != null && authentication.getPrincipal() instanceof HarmwatchUser user) {
			var now = clock.instant();
			var items = new ArrayList<WorkItem>();
			boolean incomplete = false;
			for (var queue : queues) {
				try {
					items.addAll(queue.itemsFor(user, now));
				}
				catch (RuntimeException ex) {
					// One module's count failing must not take everyone's home page down:
					// say so, and log it.
					log.error("Work queue {} failed for {}", queue.getClass().getSimpleName(), user, ex);
					incomplete = true;
				}
			}
			items.sort(Comparator.comparing(WorkItem::group).thenComparingInt(WorkItem::order));
			var work = new LinkedHashMap<NavigationGroup, List<WorkItem>>();
			items.forEach(item -> work.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item));
			model.addAttribute("work", work);
			model.addAttribute("workIncomplete", incomplete);
			return "platform/home";
		}
		var current = new ArrayList<PublicNotice>();
		for (var source : notices) {
			try {
				current.addAll(source.current(clock.instant()));
			}
			catch (RuntimeException ex) {
				// The landing page stays up without them; the pages they link to say
				// more.
				log.error("Public notices {} failed", source.getClass().getSimpleName(), ex);
			}
		}
		model.addAttribute("notices", current);
		model.addAttribute("zone", zone);
		return "platform/landing";
	}

	@GetMapping("/login")
	@PublicEndpoint("People must reach the sign-in page before they are signed in.")
	String login(@RequestParam(required = false) @Nullable String throttled, Model model) {
		// How long to wait, from the failure handler's redirect; whatever else is typed
		// there shows a plain minute.
		if (throttled != null) {
			model.addAttribute("throttledMinutes",
					throttled.matches("\\d{1,3}") ? Math.max(1, Integer.parseInt(throttled)) : 1);
		}
		// Single sign-on is offered once its provider has answered (until then, only
		// password sign-in works).
		singleSignOn.button().ifPresent(button -> {
			model.addAttribute("ssoRegistration", button.registrationId());
			model.addAttribute("ssoLabel", button.label());
		});
		return "platform/login";
	}

}
