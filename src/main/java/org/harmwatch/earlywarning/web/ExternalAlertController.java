package org.harmwatch.earlywarning.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.harmwatch.earlywarning.FederationManagement;
import org.harmwatch.platform.InputRejectedException;
import org.harmwatch.platform.RegionSettings;
import org.harmwatch.platform.Requires;
import org.harmwatch.shared.Action;
import org.harmwatch.shared.Capability;
import org.springframework.security.core.Authentication;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Neighbouring regions' alerts for the coordinator and the panel: a list with each feed's
 * health, each alert as received, and the coordinator's review. Nothing here issues or
 * forwards anything.
 */
@Controller
class ExternalAlertController {

	private static final String FORM = "reviewForm";

	private final FederationManagement federation;

	private final Clock clock;

	private final ZoneId zone;

	ExternalAlertController(FederationManagement federation, Clock clock, RegionSettings region) {
		this.federation = federation;
		this.clock = clock;
		this.zone = region.timeZone();
	}

	@GetMapping("/early-warning/external-alerts")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String list(@RequestParam(defaultValue = "unreviewed") String show, @RequestParam(defaultValue = "1") int page,
			Model model) {
		var unreviewedOnly = !"all".equals(show);
		model.addAttribute("result", federation.alerts(unreviewedOnly, page));
		model.addAttribute("show", unreviewedOnly ? "unreviewed" : "all");
		model.addAttribute("feeds", federation.feeds());
		model.addAttribute("zone", zone);
		return "earlywarning/externalAlertList";
	}

	/**
	 * Binds the forms through their constructors only: a list is read whole there (an
	 * indexed name such as {@code substances[0]} included) and nothing is set afterwards.
	 */
	@InitBinder
	void constructorOnly(WebDataBinder binder) {
		binder.setDeclarativeBinding(true);
	}

	@GetMapping("/early-warning/external-alerts/{id}")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.READ)
	String details(@PathVariable UUID id, Authentication authentication, Model model) {
		model.addAttribute(FORM, new ReviewForm(""));
		return details(model, id, authentication);
	}

	@PostMapping("/early-warning/external-alerts/{id}/review")
	@Requires(capability = Capability.EARLY_WARNING, action = Action.MANAGE)
	String review(@PathVariable UUID id, @Validated @ModelAttribute(FORM) ReviewForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			federation.review(id, form.note(), authentication.getName(), clock.instant());
			redirect.addFlashAttribute("reviewed", true);
			return "redirect:/early-warning/external-alerts/" + id;
		}
		catch (InputRejectedException ex) {
			ex.addTo(result);
		}
		return details(model, id, authentication);
	}

	private String details(Model model, UUID id, Authentication authentication) {
		model.addAttribute("alert", federation.alert(id));
		model.addAttribute("xml", federation.capXml(id));
		model.addAttribute("canManage",
				authentication.getAuthorities()
					.stream()
					.anyMatch(a -> "EARLY_WARNING:MANAGE".equals(a.getAuthority())));
		model.addAttribute("zone", zone);
		return "earlywarning/externalAlertDetails";
	}

}
