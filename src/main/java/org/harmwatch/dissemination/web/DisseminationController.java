package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.dissemination.SubscriptionProblem;
import org.harmwatch.dissemination.SubscriptionRejectedException;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.harmwatch.substances.SubstanceClass;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's delivery log per alert (counts by channel and state, failures, retry)
 * and the management of professional and webhook subscriptions (coordinator and
 * administrators).
 */
@Controller
class DisseminationController {

	private final DisseminationManagement dissemination;

	private final AgencyManagement agencies;

	private final Clock clock;

	DisseminationController(DisseminationManagement dissemination, AgencyManagement agencies, Clock clock) {
		this.dissemination = dissemination;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/dissemination")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String alerts(Model model) {
		model.addAttribute("alerts", dissemination.issuedAlerts(100));
		model.addAttribute("measures", dissemination.measures(clock.instant().minus(Duration.ofDays(365))));
		return "dissemination/alerts";
	}

	@GetMapping("/dissemination/alerts/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String log(@PathVariable UUID id, Model model) {
		var log = dissemination.deliveryLog(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No deliveries for this alert"));
		model.addAttribute("log", log);
		model.addAttribute("channels", DeliveryChannel.values());
		model.addAttribute("states", org.harmwatch.dissemination.DeliveryState.values());
		return "dissemination/log";
	}

	@PostMapping("/dissemination/alerts/{id}/retry")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		if (dissemination.deliveryLog(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No deliveries for this alert");
		}
		redirect.addFlashAttribute("retried", dissemination.retry(id, clock.instant()));
		return "redirect:/dissemination/alerts/" + id;
	}

	@GetMapping("/dissemination/subscriptions")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String subscriptions(Model model) {
		return subscriptions(model, List.of(), null, ProfessionalForm.EMPTY);
	}

	/** What was entered in the professional form, shown again with its problems. */
	record ProfessionalForm(String agencyCode, String roleName, String channel, String address, List<String> ladCodes,
			List<String> substanceClasses) {

		static final ProfessionalForm EMPTY = new ProfessionalForm("", "", "EMAIL", "", List.of(), List.of());

	}

	private String subscriptions(Model model, List<SubscriptionProblem> problems, @Nullable String form,
			ProfessionalForm professional) {
		var districts = dissemination.districts();
		var districtNames = new LinkedHashMap<String, String>();
		districts.forEach(d -> districtNames.put(d.code(), d.name()));
		model.addAttribute("subscriptions", dissemination.subscriptions());
		model.addAttribute("publicCounts", dissemination.publicSubscriberCounts());
		model.addAttribute("agencies", agencies.agencies());
		model.addAttribute("roles", agencies.roleTitles());
		model.addAttribute("districts", districts);
		model.addAttribute("districtNames", districtNames);
		model.addAttribute("classes", SubstanceClass.values());
		model.addAttribute("problems", problems);
		model.addAttribute("errors", PublicSubscriptionController.errors(problems));
		model.addAttribute("form", form);
		model.addAttribute("professional", professional);
		// The area and drug checkboxes (dissemination/fragments :: filters) read these.
		model.addAttribute("ladCodes", professional.ladCodes());
		model.addAttribute("substanceClasses", professional.substanceClasses());
		return "dissemination/subscriptions";
	}

	@PostMapping("/dissemination/subscriptions/professional")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String addProfessional(@RequestParam(defaultValue = "") String agencyCode,
			@RequestParam(defaultValue = "") String roleName, @RequestParam(defaultValue = "EMAIL") String channel,
			@RequestParam(defaultValue = "") String address,
			@RequestParam(required = false) @Nullable List<String> ladCodes,
			@RequestParam(required = false) @Nullable List<String> substanceClasses, Model model,
			HttpServletResponse response) {
		var lads = ladCodes == null ? List.<String>of() : ladCodes;
		var classes = substanceClasses == null ? List.<String>of() : substanceClasses;
		try {
			DeliveryChannel chosen;
			try {
				chosen = DeliveryChannel.valueOf(channel);
			}
			catch (IllegalArgumentException ex) {
				throw new SubscriptionRejectedException(
						List.of(new SubscriptionProblem("channel", "Choose email or text message.")));
			}
			dissemination.addProfessional(agencyCode, roleName, chosen, address, lads, classes, clock.instant());
		}
		catch (SubscriptionRejectedException ex) {
			response.setStatus(422);
			return subscriptions(model, ex.problems(), "professional",
					new ProfessionalForm(agencyCode, roleName, channel, address, lads, classes));
		}
		return "redirect:/dissemination/subscriptions";
	}

	@PostMapping("/dissemination/subscriptions/webhook")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String addWebhook(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String secret,
			@RequestParam(required = false) @Nullable List<String> ladCodes,
			@RequestParam(required = false) @Nullable List<String> substanceClasses, Model model,
			HttpServletResponse response) {
		try {
			dissemination.addWebhook(name, url, secret, ladCodes == null ? List.of() : ladCodes,
					substanceClasses == null ? List.of() : substanceClasses, clock.instant());
		}
		catch (SubscriptionRejectedException ex) {
			response.setStatus(422);
			return subscriptions(model, ex.problems(), "webhook", ProfessionalForm.EMPTY);
		}
		return "redirect:/dissemination/subscriptions";
	}

	@PostMapping("/dissemination/subscriptions/{id}/remove")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String remove(@PathVariable UUID id) {
		if (!dissemination.removeSubscription(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such subscription");
		}
		return "redirect:/dissemination/subscriptions";
	}

}
