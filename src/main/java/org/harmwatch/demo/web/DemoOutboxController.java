package org.harmwatch.demo.web;

import org.harmwatch.demo.internal.DemoOutbox;
import org.harmwatch.platform.NotFoundException;
import org.harmwatch.platform.RegionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The demo outbox: every e-mail and text message the demo has sent, for anyone signed in
 * to the demo (all its people are made up), so that confirmations, alerts and their
 * acknowledge and feedback links can be followed. Exists only while
 * {@code harmwatch.demo.outbox} is on.
 */
@Controller
@ConditionalOnBooleanProperty("harmwatch.demo.outbox")
class DemoOutboxController {

	private final DemoOutbox outbox;

	private final RegionSettings region;

	DemoOutboxController(DemoOutbox outbox, RegionSettings region) {
		this.outbox = outbox;
		this.region = region;
	}

	@GetMapping("/demo/outbox")
	@PreAuthorize("isAuthenticated()")
	String outbox(Model model) {
		model.addAttribute("emails", outbox.emails());
		model.addAttribute("texts", outbox.texts());
		model.addAttribute("zone", region.timeZone());
		return "demo/outbox";
	}

	@GetMapping("/demo/outbox/emails/{id}")
	@PreAuthorize("isAuthenticated()")
	String email(@PathVariable String id, Model model) {
		model.addAttribute("email",
				outbox.email(id).orElseThrow(() -> new NotFoundException("demo.outbox.notFound", id)));
		model.addAttribute("zone", region.timeZone());
		return "demo/email";
	}

}
