package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.dissemination.SubscriptionProblem;
import org.harmwatch.dissemination.SubscriptionRejectedException;
import org.harmwatch.dissemination.TokenNotFoundException;
import org.harmwatch.dissemination.internal.PublicFormRateLimiter;
import org.harmwatch.platform.PublicEndpoint;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public's pages: subscribe (double opt-in), confirm, unsubscribe (also RFC 8058
 * one-click), and the links in each message: acknowledge receipt (professionals) and "was
 * this useful?".
 *
 * <p>
 * Links show a page with a button and change nothing on GET, so that mail scanners that
 * follow links cannot confirm, unsubscribe or acknowledge for someone. Subscribing
 * answers the same whatever the address's state.
 */
@Controller
class PublicSubscriptionController {

	private final DisseminationManagement dissemination;

	private final PublicFormRateLimiter limiter;

	private final Clock clock;

	PublicSubscriptionController(DisseminationManagement dissemination, PublicFormRateLimiter limiter, Clock clock) {
		this.dissemination = dissemination;
		this.limiter = limiter;
		this.clock = clock;
	}

	@GetMapping("/subscribe")
	@PublicEndpoint("Anyone may ask for drug alerts by email or text; nothing is sent until they confirm")
	String form(Model model) {
		return form(model, "EMAIL", "", List.of(), List.of(), List.of());
	}

	@PostMapping("/subscribe")
	@PublicEndpoint("Anyone may ask for drug alerts; rate-limited, keeps only the address and filters, and answers "
			+ "the same whether or not the address was subscribed")
	String subscribe(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String address,
			@RequestParam(required = false) @Nullable List<String> ladCodes,
			@RequestParam(required = false) @Nullable List<String> substanceClasses, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "dissemination/tooMany";
		}
		var lads = ladCodes == null ? List.<String>of() : ladCodes;
		var classes = substanceClasses == null ? List.<String>of() : substanceClasses;
		DeliveryChannel chosen;
		try {
			chosen = DeliveryChannel.valueOf(channel);
			if (chosen == DeliveryChannel.WEBHOOK) {
				throw new IllegalArgumentException();
			}
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(422);
			return form(model, channel, address, lads, classes,
					List.of(new SubscriptionProblem("channel", "Choose email or text message.")));
		}
		if (address.isBlank()) {
			response.setStatus(422);
			return form(model, channel, address, lads, classes, List.of(new SubscriptionProblem("address",
					chosen == DeliveryChannel.SMS ? "Enter your mobile number." : "Enter your email address.")));
		}
		try {
			dissemination.subscribe(chosen, address, lads, classes, clock.instant());
		}
		catch (SubscriptionRejectedException ex) {
			response.setStatus(422);
			return form(model, channel, address, lads, classes, ex.problems());
		}
		model.addAttribute("sms", chosen == DeliveryChannel.SMS);
		return "dissemination/subscribeCheck";
	}

	private String form(Model model, String channel, String address, List<String> lads, List<String> classes,
			List<SubscriptionProblem> problems) {
		model.addAttribute("channel", channel);
		model.addAttribute("address", address);
		model.addAttribute("ladCodes", lads);
		model.addAttribute("substanceClasses", classes);
		model.addAttribute("districts", dissemination.districts());
		model.addAttribute("classes", SubstanceClass.values());
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors(problems));
		return "dissemination/subscribe";
	}

	static Map<String, List<String>> errors(List<SubscriptionProblem> problems) {
		var errors = new LinkedHashMap<String, List<String>>();
		problems.forEach(p -> errors.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p.message()));
		return errors;
	}

	@GetMapping("/subscribe/confirm/{token}")
	@PublicEndpoint("The confirmation link sent to a new subscriber; shows a button, changes nothing")
	String confirmPage(@PathVariable String token, Model model) {
		if (!dissemination.confirmable(token, clock.instant())) {
			throw new TokenNotFoundException();
		}
		model.addAttribute("token", token);
		return "dissemination/confirm";
	}

	@PostMapping("/subscribe/confirm/{token}")
	@PublicEndpoint("Confirms a subscription with its single-use, expiring token")
	String confirm(@PathVariable String token, Model model) {
		dissemination.confirm(token, clock.instant());
		return done(model, "dissemination.confirmed.title", "dissemination.confirmed.body");
	}

	@GetMapping("/unsubscribe/{token}")
	@PublicEndpoint("The unsubscribe link in every message; shows a button, changes nothing")
	String unsubscribePage(@PathVariable String token, Model model) {
		if (!dissemination.unsubscribable(token)) {
			throw new TokenNotFoundException();
		}
		model.addAttribute("token", token);
		return "dissemination/unsubscribe";
	}

	@PostMapping("/unsubscribe/{token}")
	@PublicEndpoint("Unsubscribes with the unguessable token of the subscription; also RFC 8058 one-click from mail "
			+ "clients, which send no CSRF token")
	String unsubscribe(@PathVariable String token, Model model) {
		dissemination.unsubscribe(token);
		return done(model, "dissemination.unsubscribed.title", "dissemination.unsubscribed.body");
	}

	@GetMapping("/acknowledge/{token}")
	@PublicEndpoint("A professional's own acknowledgement link from an alert email; shows a button, changes nothing")
	String acknowledgePage(@PathVariable String token, Model model) {
		var received = dissemination.received(token)
			.filter(r -> r.professional())
			.orElseThrow(TokenNotFoundException::new);
		model.addAttribute("received", received);
		model.addAttribute("token", token);
		return "dissemination/acknowledge";
	}

	@PostMapping("/acknowledge/{token}")
	@PublicEndpoint("Records that a professional received an alert, with the unguessable token of their delivery")
	String acknowledge(@PathVariable String token, Model model) {
		dissemination.acknowledge(token, clock.instant());
		return done(model, "dissemination.acknowledged.title", "dissemination.acknowledged.body");
	}

	@GetMapping("/feedback/{token}")
	@PublicEndpoint("The recipient's own feedback link from an alert message")
	String feedbackPage(@PathVariable String token, Model model) {
		var received = dissemination.received(token).orElseThrow(TokenNotFoundException::new);
		if (received.feedbackGiven()) {
			return done(model, "dissemination.feedback.given.title", "dissemination.feedback.given.body");
		}
		return feedbackForm(model, token, received, null, null, "", List.of());
	}

	@PostMapping("/feedback/{token}")
	@PublicEndpoint("Stores a recipient's answer to 'was this alert useful?', once per delivery")
	String feedback(@PathVariable String token, @RequestParam(required = false) @Nullable String useful,
			@RequestParam(required = false) @Nullable String changedAction,
			@RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
		var received = dissemination.received(token).orElseThrow(TokenNotFoundException::new);
		var problems = new ArrayList<SubscriptionProblem>();
		if (!"yes".equals(useful) && !"no".equals(useful)) {
			problems.add(new SubscriptionProblem("useful", "Say whether the alert was useful."));
		}
		if (!"yes".equals(changedAction) && !"no".equals(changedAction)) {
			problems.add(new SubscriptionProblem("changedAction", "Say whether it changed what you did."));
		}
		if (comment.length() > 2000) {
			problems.add(new SubscriptionProblem("comment", "Comments must be 2000 characters or fewer."));
		}
		if (!problems.isEmpty()) {
			response.setStatus(422);
			return feedbackForm(model, token, received, useful, changedAction, comment, problems);
		}
		dissemination.feedback(token, "yes".equals(useful), "yes".equals(changedAction), comment, clock.instant());
		return done(model, "dissemination.feedback.thanks.title", "dissemination.feedback.thanks.body");
	}

	private String feedbackForm(Model model, String token, DisseminationManagement.Received received,
			@Nullable String useful, @Nullable String changedAction, String comment,
			List<SubscriptionProblem> problems) {
		model.addAttribute("token", token);
		model.addAttribute("received", received);
		model.addAttribute("useful", useful);
		model.addAttribute("changedAction", changedAction);
		model.addAttribute("comment", comment);
		model.addAttribute("problems", problems);
		model.addAttribute("errors", errors(problems));
		return "dissemination/feedback";
	}

	private static String done(Model model, String title, String body) {
		model.addAttribute("titleKey", title);
		model.addAttribute("bodyKey", body);
		return "dissemination/done";
	}

}
