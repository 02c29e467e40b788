package org.harmwatch.dissemination.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.harmwatch.agency.AgencyManagement;
import org.harmwatch.dissemination.CascadeManagement;
import org.harmwatch.dissemination.DeliveryChannel;
import org.harmwatch.dissemination.DeliveryState;
import org.harmwatch.dissemination.DeliveryLogManagement;
import org.harmwatch.dissemination.DisseminationManagement;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.platform.RequiresAnyOf;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's delivery log per alert (counts by channel and state, failures, retry)
 * and the management of professional and webhook subscriptions (coordinator and
 * administrators).
 */
@Controller
class DisseminationController {

	private static final String PROFESSIONAL = "professionalForm";

	private static final String WEBHOOK = "webhookForm";

	private final DisseminationManagement dissemination;

	private final AgencyManagement agencies;

	private final Clock clock;

	private final RegionSettings region;

	private final CascadeManagement cascade;

	private final DeliveryLogManagement deliveryLogs;

	DisseminationController(DisseminationManagement dissemination, DeliveryLogManagement deliveryLogs,
			AgencyManagement agencies, Clock clock, RegionSettings region, CascadeManagement cascade) {
		this.cascade = cascade;
		this.deliveryLogs = deliveryLogs;
		this.dissemination = dissemination;
		this.agencies = agencies;
		this.clock = clock;
		this.region = region;
	}

	@GetMapping("/dissemination")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String alerts(Model model) {
		model.addAttribute("alerts", deliveryLogs.issuedAlerts(100));
		model.addAttribute("measures", deliveryLogs.measures(clock.instant().minus(Duration.ofDays(365))));
		return "dissemination/alerts";
	}

	@GetMapping("/dissemination/alerts/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String log(@PathVariable UUID id, Model model) {
		var log = deliveryLogs.deliveryLog(id)
			.orElseThrow(() -> new NotFoundException("dissemination.error.noDeliveries"));
		model.addAttribute("log", log);
		model.addAttribute("cascade", cascade.status(id));
		model.addAttribute("channels", DeliveryChannel.values());
		model.addAttribute("states", DeliveryState.values());
		model.addAttribute("zone", region.timeZone());
		return "dissemination/log";
	}

	@PostMapping("/dissemination/alerts/{id}/retry")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		if (deliveryLogs.deliveryLog(id).isEmpty()) {
			throw new NotFoundException("dissemination.error.noDeliveries");
		}
		redirect.addFlashAttribute("retried", deliveryLogs.retry(id, clock.instant()));
		return "redirect:/dissemination/alerts/" + id;
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/dissemination/subscriptions")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String subscriptions(Model model) {
		return subscriptions(model, ProfessionalForm.empty(), WebhookForm.empty());
	}

	/**
	 * The page with both forms; the one that was sent keeps what was entered and its
	 * errors.
	 */
	private String subscriptions(Model model, ProfessionalForm professional, WebhookForm webhook) {
		var districts = dissemination.districts();
		var districtNames = Filters.districts(districts);
		model.addAttribute("subscriptions", dissemination.subscriptions());
		model.addAttribute("publicCounts", dissemination.publicSubscriberCounts());
		model.addAttribute("agencies", agencyOptions());
		model.addAttribute("roles", agencies.roleTitles());
		model.addAttribute("channels", channels());
		model.addAttribute("districts", districtNames);
		model.addAttribute("districtNames", districtNames);
		model.addAttribute("classes", Filters.classes());
		if (!model.containsAttribute(PROFESSIONAL)) {
			model.addAttribute(PROFESSIONAL, professional);
		}
		if (!model.containsAttribute(WEBHOOK)) {
			model.addAttribute(WEBHOOK, webhook);
		}
		return "dissemination/subscriptions";
	}

	private Map<String, String> agencyOptions() {
		var options = new LinkedHashMap<String, String>();
		agencies.agencies().forEach(a -> options.put(a.code(), a.name()));
		return options;
	}

	private static Map<String, String> channels() {
		var channels = new LinkedHashMap<String, String>();
		channels.put(DeliveryChannel.EMAIL.name(), "dissemination.subscribe.email");
		channels.put(DeliveryChannel.SMS.name(), "dissemination.subscribe.sms");
		return channels;
	}

	@PostMapping("/dissemination/subscriptions/professional")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String addProfessional(@Validated @ModelAttribute(PROFESSIONAL) ProfessionalForm form, BindingResult result,
			Model model) {
		if (!result.hasErrors()) {
			try {
				dissemination.addProfessional(form.agencyCode(), form.roleName(), form.deliveryChannel(),
						form.address(), form.ladCodes(), form.substanceClasses(), clock.instant());
				return "redirect:/dissemination/subscriptions";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		return subscriptions(model, form, WebhookForm.empty());
	}

	@PostMapping("/dissemination/subscriptions/webhook")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String addWebhook(@Validated @ModelAttribute(WEBHOOK) WebhookForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				dissemination.addWebhook(form.name(), form.url(), form.secret(), form.ladCodes(),
						form.substanceClasses(), clock.instant());
				return "redirect:/dissemination/subscriptions";
			}
			catch (InputRejectedException ex) {
				ex.addTo(result);
			}
		}
		// The secret is not shown again.
		return subscriptions(model, ProfessionalForm.empty(), form);
	}

	@PostMapping("/dissemination/subscriptions/{id}/remove")
	@RequiresAnyOf(capability = Capability.EARLY_WARNING, action = Action.MANAGE, orCapability = Capability.AGENCY,
			orAction = Action.MANAGE)
	String remove(@PathVariable UUID id) {
		if (!dissemination.removeSubscription(id)) {
			throw new NotFoundException("dissemination.error.noSubscription");
		}
		return "redirect:/dissemination/subscriptions";
	}

}
