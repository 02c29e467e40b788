package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.dissemination.internal.PublicFormRateLimiter;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.PublicEndpoint;
import org.springframework.security.web.csrf.CsrfToken;
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

	private static final String SUBSCRIBE = "subscribeForm";

	private static final String FEEDBACK = "feedbackForm";

	private final DisseminationManagement dissemination;

	private final PublicFormRateLimiter limiter;

	private final Clock clock;

	PublicSubscriptionController(DisseminationManagement dissemination, PublicFormRateLimiter limiter, Clock clock) {
		this.dissemination = dissemination;
		this.limiter = limiter;
		this.clock = clock;
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/subscribe")
	@PublicEndpoint("Anyone may ask for drug alerts by email or text; nothing is sent until they confirm")
	String form(Model model) {
		model.addAttribute(SUBSCRIBE, SubscribeForm.empty());
		return subscribeForm(model);
	}

	@PostMapping("/subscribe")
	@PublicEndpoint("Anyone may ask for drug alerts; rate-limited, keeps only the address and filters, and answers "
			+ "the same whether or not the address was subscribed")
	String subscribe(@Validated @ModelAttribute(SUBSCRIBE) SubscribeForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(limiter.retryAfter().toSeconds()));
			model.addAttribute("minutes", Math.max(1, limiter.retryAfter().toMinutes()));
			return "dissemination/tooMany";
		}
		if (!result.hasErrors()) {
			try {
				dissemination.subscribe(form.deliveryChannel(), form.address(), form.ladCodes(),
						form.substanceClasses(), clock.instant());
				model.addAttribute("sms", form.deliveryChannel() == DeliveryChannel.SMS);
				return "dissemination/subscribeCheck";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return subscribeForm(model);
	}

	private String subscribeForm(Model model) {
		model.addAttribute("districts", Filters.districts(dissemination.districts()));
		model.addAttribute("classes", Filters.classes());
		model.addAttribute("channels", channels());
		return "dissemination/subscribe";
	}

	private static Map<String, String> channels() {
		var channels = new LinkedHashMap<String, String>();
		channels.put(DeliveryChannel.EMAIL.name(), "dissemination.subscribe.email");
		channels.put(DeliveryChannel.SMS.name(), "dissemination.subscribe.sms");
		return channels;
	}

	@GetMapping("/subscribe/confirm/{token}")
	@PublicEndpoint("The confirmation link sent to a new subscriber; shows a button, changes nothing")
	String confirmPage(@PathVariable String token, Model model, CsrfToken csrf) {
		if (!dissemination.confirmable(token, clock.instant())) {
			throw tokenNotFound();
		}
		// The form's CSRF token is resolved (and its session created) now, while the
		// response can still take a cookie: rendered later, a long header could commit
		// the
		// response before the form asks for it.
		csrf.getToken();
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
			throw tokenNotFound();
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
			.orElseThrow(PublicSubscriptionController::tokenNotFound);
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
		var received = dissemination.received(token).orElseThrow(PublicSubscriptionController::tokenNotFound);
		if (received.feedbackGiven()) {
			return done(model, "dissemination.feedback.given.title", "dissemination.feedback.given.body");
		}
		model.addAttribute(FEEDBACK, FeedbackForm.empty());
		return feedbackForm(model, token, received);
	}

	@PostMapping("/feedback/{token}")
	@PublicEndpoint("Stores a recipient's answer to 'was this alert useful?', once per delivery")
	String feedback(@PathVariable String token, @Validated @ModelAttribute(FEEDBACK) FeedbackForm form,
			BindingResult result, Model model) {
		var received = dissemination.received(token).orElseThrow(PublicSubscriptionController::tokenNotFound);
		if (!result.hasErrors()) {
			try {
				dissemination.feedback(token, "yes".equals(form.useful()), "yes".equals(form.changedAction()),
						form.comment(), clock.instant());
				return done(model, "dissemination.feedback.thanks.title", "dissemination.feedback.thanks.body");
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return feedbackForm(model, token, received);
	}

	private String feedbackForm(Model model, String token, DisseminationManagement.Received received) {
		model.addAttribute("token", token);
		model.addAttribute("received", received);
		model.addAttribute("answers", answers());
		return "dissemination/feedback";
	}

	private static Map<String, String> answers() {
		var answers = new LinkedHashMap<String, String>();
		answers.put("yes", "dissemination.yes");
		answers.put("no", "dissemination.no");
		return answers;
	}

	/** A link's token names nothing: it was mistyped, has expired or has been used. */
	static NotFoundException tokenNotFound() {
		return new NotFoundException("dissemination.error.tokenNotFound");
	}

	private static String done(Model model, String title, String body) {
		model.addAttribute("titleKey", title);
		model.addAttribute("bodyKey", body);
		return "dissemination/done";
	}

}
